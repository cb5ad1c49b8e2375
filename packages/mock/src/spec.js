// Loading the bundled spec and reading what the mock needs from it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SPEC = fileURLToPath(new URL('../spec/openapi.json', import.meta.url));
export const FORM = 'application/x-www-form-urlencoded';

export function loadSpec(path = DEFAULT_SPEC) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Inlines local $refs; OpenAPI 3.1 sibling keywords of a $ref win over the target's. */
export function deref(spec, node) {
  if (Array.isArray(node)) return node.map((n) => deref(spec, n));
  if (!node || typeof node !== 'object') return node;
  let cur = node;
  while (typeof cur.$ref === 'string') {
    const target = cur.$ref.slice(2).split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    if (!target) throw new Error(`unresolvable $ref ${cur.$ref}`);
    const { $ref, ...siblings } = cur;
    cur = { ...target, ...siblings };
  }
  return Object.fromEntries(Object.entries(cur).map(([k, v]) => [k, deref(spec, v)]));
}

/** path -> { operationId, request: dereferenced wire-shape request schema } */
export function operationsByPath(spec) {
  const map = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item.post;
    if (!op) continue;
    map.set(path, { operationId: op.operationId, request: deref(spec, op.requestBody.content[FORM].schema) });
  }
  return map;
}

/**
 * The spec Prism serves: each 200 response keeps only its success branch, so dynamic mode invents successes
 * (errors are still served by name with `Prefer: example=...`).
 */
export function specForPrism(spec) {
  const copy = structuredClone(spec);
  for (const item of Object.values(copy.paths)) {
    const media = item.post?.responses?.['200']?.content?.['application/json'];
    if (media?.schema?.oneOf) media.schema = media.schema.oneOf[0];
    // The vendor accepts an empty form when no field is required (e.g. stats/chatroom/topn); Prism would not.
    const request = item.post?.requestBody;
    const schemaRef = request?.content?.[FORM]?.schema;
    if (request && !deref(copy, schemaRef).required?.length) request.required = false;
  }
  // Prism does not know the custom id format; for generated values an int64 is the right shape.
  copy.components.schemas.NimId = { ...copy.components.schemas.NimId, format: 'int64', maximum: 9007199254740991, minimum: 1 };
  return copy;
}
