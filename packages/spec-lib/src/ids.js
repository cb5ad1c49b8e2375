// Where the exact 64-bit ids sit in a response (`format: nim-id`, see docs/adr/0002).

/**
 * Paths (arrays of keys, '*' for array items, '**' for map values) to every `format: nim-id` value under a
 * (dereferenced) schema.
 * @param {any} schema
 * @param {string[]} [prefix]
 * @param {string[][]} [out]
 * @returns {string[][]}
 */
export function idPaths(schema, prefix = [], out = []) {
  if (!schema || typeof schema !== 'object') return out;
  if (schema.format === 'nim-id') out.push(prefix);
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const s of schema[k] ?? []) idPaths(s, prefix, out);
  for (const [name, s] of Object.entries(schema.properties ?? {})) idPaths(s, [...prefix, name], out);
  if (schema.items) idPaths(schema.items, [...prefix, '*'], out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    idPaths(schema.additionalProperties, [...prefix, '**'], out);
  }
  return out;
}
