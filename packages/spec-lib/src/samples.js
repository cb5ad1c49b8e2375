// Request samples built from the spec: examples[0] -> default -> const -> enum[0] -> a value of the type.
// Used by the docs' code samples, the contract tests (required-only and all-fields calls) and the benchmarks.
import { listOperations, requestSchema } from './operations.js';

/**
 * A sample value of a (dereferenced) JSON schema. `full` fills optional properties too.
 * @param {any} schema
 * @param {{ full?: boolean }} [options]
 * @returns {any}
 */
export function sampleValue(schema, { full = false } = {}) {
  if (!schema || typeof schema !== 'object') return null;
  if (Array.isArray(schema.examples) && schema.examples.length) return structuredClone(schema.examples[0]);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sampleValue({ ...alt[0], ...pick(schema, ['properties', 'required']) }, { full });
  // allOf only composes a shape when the schema has none of its own (else it holds if/then rules).
  if (schema.allOf && !schema.type && !schema.properties) return sampleValue(Object.assign({}, ...schema.allOf), { full });
  const type = Array.isArray(schema.type) ? schema.type.find((/** @type {string} */ t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string')) {
    case 'object': {
      /** @type {Record<string, any>} */
      const out = {};
      const required = new Set(schema.required ?? []);
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (full || required.has(name)) out[name] = sampleValue(prop.contentSchema ?? prop, { full });
      }
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => sampleValue(schema.items ?? {}, { full }));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default: {
      const text = 'sample';
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      return text.padEnd(min, 'x').slice(0, max);
    }
  }
}

/**
 * A request body in the shape callers pass to the client (JSON-in-form fields as JSON values).
 * The schema's own `examples[0]`, when present, is the all-fields sample.
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} op
 * @param {{ full?: boolean }} [options]
 * @returns {Record<string, any>}
 */
export function sampleRequest(spec, op, { full = false } = {}) {
  const schema = requestSchema(spec, op);
  if (full && Array.isArray(schema.examples) && schema.examples.length) return structuredClone(schema.examples[0]);
  const { examples, ...rest } = schema;
  return sampleValue(rest, { full });
}

/**
 * Every operation with its required-only and all-fields samples.
 * @param {Record<string, any>} spec
 */
export function allSamples(spec) {
  return listOperations(spec).map((o) => ({
    ...o,
    minimal: sampleRequest(spec, o.op),
    full: sampleRequest(spec, o.op, { full: true }),
  }));
}

/**
 * @param {Record<string, any>} object
 * @param {string[]} keys
 */
function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
}
