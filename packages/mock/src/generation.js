// Dynamic mode's generation profile: a stricter copy of each success schema, handed to Prism's generator only.
// Every value it allows is still valid against the spec's own schema; it just rules out the unrealistic ones
// json-schema-faker would otherwise pick (negative counts, stray properties, timestamps in 1970, lorem for a field
// whose spec gives real examples). The request schemas Prism validates with are never touched.

const MAX_SAFE = Number.MAX_SAFE_INTEGER; // ids go through JSON.stringify: keep them exact
const EPOCH_MS = { minimum: 1_600_000_000_000, maximum: 1_900_000_000_000 }; // 2020-09 .. 2030-03
const EPOCH_S = { minimum: 1_600_000_000, maximum: 1_900_000_000 };
const SMALL = 10_000; // upper end of an unbounded count, level or duration
const MAX_ITEMS = 3; // arrays without a maxItems: a few items keep bodies readable

/**
 * A realistic generation schema for a dereferenced response schema (a new object; the input is not modified).
 * @param {any} schema
 * @param {string} [name]
 * @returns {any}
 */
export function realistic(schema, name = '') {
  if (Array.isArray(schema)) return schema.map((s) => realistic(s, name));
  if (!schema || typeof schema !== 'object') return schema;
  const out = { ...schema };
  if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, s]) => [k, realistic(s, k)]));
  if (out.items) out.items = realistic(out.items, name);
  if (out.additionalProperties && typeof out.additionalProperties === 'object') out.additionalProperties = realistic(out.additionalProperties, name);
  for (const k of ['oneOf', 'anyOf', 'allOf']) if (out[k]) out[k] = realistic(out[k], name);

  /** @type {string[]} */
  const types = [].concat(out.type ?? []);
  const fixed = out.enum !== undefined || out.const !== undefined;
  const examples = Array.isArray(out.examples) ? out.examples : [];

  // No stray properties: the response objects stay open in the spec (the vendor adds fields), not in generated bodies.
  if (out.properties && out.additionalProperties === undefined && !out.patternProperties) out.additionalProperties = false;
  // A map (no named properties) with examples: json-schema-faker ignores propertyNames/maxProperties, the examples are valid.
  if (!fixed && !out.properties && out.additionalProperties && examples.length) out.enum = examples;
  // A string the spec gives examples for: realistic values instead of lorem ipsum.
  if (!fixed && types.includes('string') && examples.length && examples.every((/** @type {unknown} */ e) => typeof e === 'string')) out.enum = examples;
  // JSON inside a string without examples: the smallest document its contentSchema allows, rather than lorem text.
  if (!fixed && types.includes('string') && !examples.length && out.contentMediaType === 'application/json') {
    const empty = emptyJson(out.contentSchema);
    if (empty !== undefined) out.enum = [empty];
  }
  // json-schema-faker honours a pattern before an enum: the enum chosen above would be ignored (robot lists as "[y]").
  if (!fixed && out.enum && out.pattern) delete out.pattern;
  if (!fixed && types.includes('integer')) Object.assign(out, integerRange(out));
  if (out.format === 'nim-id') delete out.format;
  if (types.includes('array') && out.maxItems === undefined) out.maxItems = Math.max(out.minItems ?? 0, MAX_ITEMS);
  return out;
}

/**
 * @param {Record<string, any>} s
 */
function integerRange(s) {
  if (s.format === 'nim-id') {
    // Positive 64-bit ids, within what Prism can serialize exactly; the custom format means nothing to the generator.
    return { minimum: Math.max(1, s.minimum ?? 1), maximum: Math.min(s.maximum ?? MAX_SAFE, MAX_SAFE) };
  }
  if (s.minimum !== undefined || s.exclusiveMinimum !== undefined || s.maximum !== undefined || s.exclusiveMaximum !== undefined) {
    return s.maximum === undefined && s.exclusiveMaximum === undefined ? { maximum: (s.minimum ?? s.exclusiveMinimum ?? 0) + SMALL } : {};
  }
  // The spec's descriptions say the unit of every timestamp ("Unix milliseconds", "Unix seconds").
  const text = String(s.description ?? '');
  if (/milliseconds/i.test(text)) return EPOCH_MS;
  if (/unix seconds/i.test(text)) return EPOCH_S;
  return { minimum: 0, maximum: SMALL };
}

/**
 * @param {Record<string, any>} schema
 */
function emptyJson(schema) {
  if (!schema || typeof schema !== 'object') return undefined;
  if (schema.type === 'object' && !schema.required?.length && !schema.minProperties) return '{}';
  if (schema.type === 'array' && !schema.minItems) return '[]';
  return undefined;
}
