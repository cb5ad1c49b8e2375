// Encoding alternatives (docs/adr/0042): a response field the vendor's sources encode differently is a `oneOf` whose
// branches carry `x-nim-encoding` (`docs`: the vendor's pages, `sdk`: what the official server SDKs decode).
import { deref } from './deref.js';

/** @param {any} s */
const isJsonText = (s) => s?.type === 'string' && s.contentMediaType === 'application/json';

/**
 * The branches of an encoding alternative, or undefined when `schema` is not one.
 * @param {any} schema
 * @returns {any[] | undefined}
 */
export function encodingBranches(schema) {
  const branches = schema?.oneOf ?? schema?.anyOf;
  return Array.isArray(branches) && branches.some((b) => b?.['x-nim-encoding']) ? branches : undefined;
}

/**
 * The one shape the client returns for an encoding alternative: objects and arrays as such (never their JSON text),
 * numbers as numbers (ids then become exact strings through `nim-id`). Works on raw or dereferenced schemas.
 * @param {any} spec
 * @param {any} schema
 * @returns {any}
 */
export function normalisedBranch(spec, schema) {
  const branches = encodingBranches(schema);
  if (!branches) return undefined;
  const shapes = branches.map((b) => deref(spec, b));
  const candidates = branches.map((b, i) => [b, shapes[i]]).filter(([, s]) => !isJsonText(s));
  return (candidates.find(([, s]) => s.type === 'integer') ?? candidates[0])?.[0];
}

/**
 * What the client does to a success body before it returns it: `json` - paths holding an encoding alternative
 * that may arrive as JSON text (parse it), parents before children; `ints` - paths whose value may arrive as a
 * decimal string and is returned as a number. Same path syntax as idPaths.
 * @param {any} spec
 * @param {any} schema
 * @param {string[]} [prefix]
 * @param {{ json: string[][], ints: string[][] }} [out]
 * @returns {{ json: string[][], ints: string[][] }}
 */
export function normalisePaths(spec, schema, prefix = [], out = { json: [], ints: [] }) {
  if (!schema || typeof schema !== 'object') return out;
  const branches = encodingBranches(schema);
  if (branches) {
    const shapes = branches.map((b) => deref(spec, b));
    const normal = deref(spec, normalisedBranch(spec, schema));
    if (shapes.some(isJsonText)) out.json.push(prefix);
    if (normal.type === 'integer' && normal.format !== 'nim-id' && shapes.some((s) => s.type === 'string')) out.ints.push(prefix);
    return normalisePaths(spec, normal, prefix, out);
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const s of schema[k] ?? []) normalisePaths(spec, s, prefix, out);
  for (const [name, s] of Object.entries(schema.properties ?? {})) normalisePaths(spec, s, [...prefix, name], out);
  if (schema.items) normalisePaths(spec, schema.items, [...prefix, '*'], out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    normalisePaths(spec, schema.additionalProperties, [...prefix, '**'], out);
  }
  return out;
}
