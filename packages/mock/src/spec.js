// Loading the bundled spec and reading what the mock needs from it: per operation its request schema and example names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SPEC = fileURLToPath(new URL('../spec/openapi.json', import.meta.url));
export const FORM = 'application/x-www-form-urlencoded';

/** Reads a bundled OpenAPI JSON document; a clear error for a missing file, YAML or a document without paths. */
export function loadSpec(path = DEFAULT_SPEC) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the spec ${path}: ${error instanceof Error ? error.message : error}`);
  }
  let spec;
  try {
    spec = JSON.parse(text);
  } catch {
    throw new Error(`the spec ${path} is not JSON; pass a bundled OpenAPI JSON such as @nimkit/spec/openapi.json`);
  }
  checkShape(spec, path);
  return spec;
}

export function checkShape(spec, where = 'the spec') {
  if (!spec || typeof spec !== 'object' || !spec.paths || typeof spec.paths !== 'object') {
    throw new Error(`${where} is not an OpenAPI document (no "paths")`);
  }
}

/** Inlines local $refs; OpenAPI 3.1 sibling keywords of a $ref win over the target's. */
export function deref(spec, node) {
  if (Array.isArray(node)) return node.map((n) => deref(spec, n));
  if (!node || typeof node !== 'object') return node;
  let cur = node;
  while (typeof cur.$ref === 'string') {
    const target = cur.$ref
      .slice(2)
      .split('/')
      .reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    if (!target) throw new Error(`unresolvable $ref ${cur.$ref}`);
    const { $ref, ...siblings } = cur;
    cur = { ...target, ...siblings };
  }
  return Object.fromEntries(Object.entries(cur).map(([k, v]) => [k, deref(spec, v)]));
}

/** The JSON content of an operation's one 200 response. */
export function okMedia(op) {
  return op.responses?.['200']?.content?.['application/json'];
}

/**
 * path -> { operationId, path, request, examples } for every POST operation with a form body.
 * request: the dereferenced wire-shape request schema; examples: [{ name, code, summary }] in spec order.
 */
export function operationsByPath(spec) {
  const map = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item?.post;
    if (!op) continue;
    const schema = op.requestBody?.content?.[FORM]?.schema;
    if (!schema) throw new Error(`${op.operationId ?? path} has no ${FORM} request body`);
    const examples = Object.entries(okMedia(op)?.examples ?? {}).map(([name, ex]) => {
      const { value, summary } = deref(spec, ex);
      return { name, code: value?.code, summary: summary ?? '' };
    });
    map.set(path, { operationId: op.operationId ?? path, path, request: deref(spec, schema), examples });
  }
  if (!map.size) throw new Error('the spec has no POST operation with a form body');
  return map;
}
