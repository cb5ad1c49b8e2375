// Where the exact 64-bit values sit in a response: ids (`format: nim-id`, docs/adr/0002) and unbounded counts
// (`x-nim-int64`, docs/adr/0019), which the client returns as exact decimal strings.

/**
 * Paths (arrays of keys, '*' for array items, '**' for map values) to every such value under a (dereferenced)
 * schema, in every branch, JSON text included (once the client has parsed an encoding alternative's text, its ids
 * sit there).
 * @param {any} schema
 * @param {string[]} [prefix]
 * @param {string[][]} [out]
 * @returns {string[][]}
 */
export function idPaths(schema, prefix = [], out = []) {
  if (!schema || typeof schema !== 'object') return out;
  if (schema.format === 'nim-id' || schema['x-nim-int64'] === true) out.push(prefix);
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const s of schema[k] ?? []) idPaths(s, prefix, out);
  if (schema.contentSchema) idPaths(schema.contentSchema, prefix, out);
  for (const [name, s] of Object.entries(schema.properties ?? {})) idPaths(s, [...prefix, name], out);
  if (schema.items) idPaths(schema.items, [...prefix, '*'], out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    idPaths(schema.additionalProperties, [...prefix, '**'], out);
  }
  return out;
}
