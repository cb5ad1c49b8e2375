// Redoc shows a JSON-inside-a-form-field property as a plain string: it ignores `contentSchema`, where every
// limit of the JSON value lives. This writes that schema out in English, appended to the field's description.
import { deref } from '@nimkit/spec-lib';

/**
 * Markdown describing the JSON value of a form field whose schema has a `contentSchema`.
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} property
 */
export function describeJsonValue(spec, property) {
  const schema = deref(spec, property.contentSchema);
  const parts = [`**JSON value** (sent as text in this form field): ${phrase(schema)}.`];
  if (schema.title && schema.description) parts.push(schema.description.trim());
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const flag = required.has(name) ? ', required' : '';
    const text = p.description ? `: ${oneLine(p.description)}` : '';
    return `- \`${name}\` (${phrase(p)}${flag})${text}`;
  });
  if (rows.length) parts.push(rows.join('\n'));
  const example = schema.examples?.[0];
  if (example !== undefined && !property.examples?.length) parts.push(`Example: \`${JSON.stringify(example)}\``);
  return parts.join('\n\n');
}

/**
 * A short English phrase for a (dereferenced) schema: its type and every limit.
 * @param {Record<string, any>} schema
 * @returns {string}
 */
export function phrase(schema) {
  if (!schema || typeof schema !== 'object' || Object.keys(schema).length === 0) return 'any JSON value';
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.map(phrase).join(' or ');
  const bits = [];
  const named = schema.title ? ` (${schema.title})` : '';
  if (schema.const !== undefined) return `exactly \`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.enum)) bits.push(`one of ${schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`);
  switch (schema.type) {
    case 'array':
      bits.unshift(`an array of ${range(schema.minItems, schema.maxItems, 'item')}`);
      if (schema.items) bits.push(`each item ${phrase(schema.items)}`);
      break;
    case 'object':
      bits.unshift(`an object${named}${countPhrase(schema.minProperties, schema.maxProperties, 'key')}`);
      if (schema.propertyNames) bits.push(`keys: ${phrase({ type: 'string', ...schema.propertyNames })}`);
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        bits.push(`values: ${phrase(schema.additionalProperties)}`);
      } else if (schema.additionalProperties === false && schema.properties) {
        bits.push('only the keys listed below');
      } else if (!schema.properties && !schema.propertyNames) {
        bits.push('any keys');
      }
      break;
    case 'string':
      bits.unshift(`a string${named}`);
      if (schema.minLength !== undefined || schema.maxLength !== undefined) {
        bits.push(range(schema.minLength, schema.maxLength, 'character'));
      }
      if (schema.pattern) bits.push(`matching \`${schema.pattern}\``);
      if (schema.format) bits.push(`format ${schema.format}`);
      break;
    case 'integer':
    case 'number':
      bits.unshift(`${schema.type === 'integer' ? 'an integer' : 'a number'}${named}`);
      if (schema.minimum !== undefined || schema.maximum !== undefined) bits.push(range(schema.minimum, schema.maximum, ''));
      break;
    case 'boolean':
      bits.unshift('a boolean');
      break;
    default:
      if (!bits.length) bits.push(`a JSON value${named}`);
  }
  if (schema.default !== undefined) bits.push(`default \`${JSON.stringify(schema.default)}\``);
  return bits.filter(Boolean).join(', ');
}

/**
 * @param {number | undefined} min
 * @param {number | undefined} max
 * @param {string} [unit]
 */
function range(min, max, unit) {
  const u = (/** @type {number} */ n) => (unit ? ` ${unit}${n === 1 ? '' : 's'}` : '');
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${u(min)}` : `${min} to ${max}${u(max)}`;
  if (max !== undefined) return `at most ${max}${u(max)}`;
  if (min !== undefined) return `at least ${min}${u(min)}`;
  return unit ? `${unit}s` : '';
}

/**
 * @param {number | undefined} min
 * @param {number | undefined} max
 * @param {string} unit
 */
function countPhrase(min, max, unit) {
  return min === undefined && max === undefined ? '' : ` with ${range(min, max, unit)}`;
}

/**
 * @param {string} text
 */
function oneLine(text) {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}
