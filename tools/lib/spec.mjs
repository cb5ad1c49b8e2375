// Helpers over the bundled spec (packages/spec/dist/openapi.json), shared by codegen, samples and tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUNDLED_SPEC = fileURLToPath(new URL('../../packages/spec/dist/openapi.json', import.meta.url));
export const FORM = 'application/x-www-form-urlencoded';

export function loadSpec(path = BUNDLED_SPEC) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// The mock ships the same $ref inlining (OpenAPI 3.1 sibling keywords win over the target's); one implementation.
import { deref } from '../../packages/mock/src/spec.js';

export { deref };

/** Every operation in spec order: { operationId, path, group, action, op }. */
export function listOperations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item.post;
    if (!op) continue;
    const group = op.operationId.startsWith('qchat') ? 'qchat' : 'chatroom';
    const action = op.operationId.slice(group.length, group.length + 1).toLowerCase() + op.operationId.slice(group.length + 1);
    ops.push({ operationId: op.operationId, path, group, action, op });
  }
  return ops;
}

export const pascal = (s) => s[0].toUpperCase() + s.slice(1);

/** The request schema of an operation, fully dereferenced (wire shape: JSON-in-form fields are strings). */
export function requestSchema(spec, op) {
  return deref(spec, op.requestBody.content[FORM].schema);
}

/** The success branch (`<Op>Ok`) of the 200 response, fully dereferenced. */
export function okSchema(spec, op) {
  const schema = op.responses['200'].content['application/json'].schema;
  return deref(spec, schema.oneOf[0]);
}

/** Wire shape -> the shape callers pass: a JSON-in-form field becomes its contentSchema. */
export function toClientShape(schema) {
  const props = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    props[name] = prop.contentSchema ? { description: prop.description, ...prop.contentSchema } : prop;
  }
  return { ...schema, properties: props };
}

/**
 * Paths (arrays of keys, '*' for array items) to every value under a response schema that the client returns as an
 * exact decimal string: ids (`format: nim-id`) and 64-bit counts (`x-nim-int64`), docs/adr/0002 and 0019.
 */
export function idPaths(schema, prefix = [], out = []) {
  if (!schema || typeof schema !== 'object') return out;
  if (schema.format === 'nim-id' || schema['x-nim-int64'] === true) out.push(prefix);
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const s of schema[k] ?? []) idPaths(s, prefix, out);
  for (const [name, s] of Object.entries(schema.properties ?? {})) idPaths(s, [...prefix, name], out);
  if (schema.items) idPaths(schema.items, [...prefix, '*'], out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    idPaths(schema.additionalProperties, [...prefix, '**'], out);
  }
  return out;
}
