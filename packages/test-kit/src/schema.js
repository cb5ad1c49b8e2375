// Checking a value against a (dereferenced) spec schema with ajv, the JSON inside string fields included (their
// contentSchema): the spec-example suite and the emulator's answers use this one checker.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// A 64-bit id arrives as a JSON number; its exactness is the parser's and serialiser's job, not the schema's.
ajv.addFormat('nim-id', { type: 'number', validate: (/** @type {number} */ n) => Number.isInteger(n) && n >= 0 });

/**
 * Problems of `value` against `schema` ([] when it validates), including every string carrying JSON checked
 * against its contentSchema.
 * @param {any} schema
 * @param {unknown} value
 * @param {string} where how to name the value in a problem
 * @returns {string[]}
 */
export function schemaProblems(schema, value, where) {
  const validate = ajv.compile(schema);
  const problems = validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
  walk(schema, value, where, problems);
  return problems;
}

/**
 * @param {any} schema
 * @param {any} value
 * @param {string} where
 * @param {string[]} problems
 */
function walk(schema, value, where, problems) {
  if (!schema || typeof schema !== 'object' || value === undefined || value === null) return;
  if (schema.contentSchema && typeof value === 'string') {
    let inner;
    try {
      inner = JSON.parse(value);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    problems.push(...schemaProblems(schema.contentSchema, inner, `${where}(json)`));
    return;
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    // Only the branches the value actually matches are walked.
    for (const s of schema[k] ?? []) if (ajv.validate(s, value)) walk(s, value, where, problems);
  }
  if (schema.properties && typeof value === 'object') {
    for (const [name, s] of Object.entries(schema.properties)) walk(s, value[name], `${where}.${name}`, problems);
  }
  if (schema.items && Array.isArray(value)) value.forEach((v, i) => walk(schema.items, v, `${where}[${i}]`, problems));
}
