// The definition embedded in the page is a render-only copy: what Redoc does not display is left out, because
// every byte of it ships in the page (docs/adr/0033). Nothing a reader sees is lost: the Chinese title is in the
// summary, the vendor link in the first line, the JSON-in-form limits in the field's text, the inferred required
// flags in a note under the description. The complete machine-readable description is the @nimkit/spec package.
import { listOperations } from '@nimkit/spec-lib';

/**
 * @param {Record<string, any>} spec
 */
export function pruneForPage(spec) {
  for (const { op } of listOperations(spec)) {
    delete op['x-nim-source'];
    delete op['x-nim-title'];
    delete op.externalDocs;
    delete op['x-nim-pagination']; // read by the client's generator, not shown by Redoc
  }
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.contentMediaType === 'application/json') delete node.contentSchema;
    delete node['x-nim-required-source'];
    delete node['x-nim-fresh'];
    Object.values(node).forEach(walk);
  })(spec);
  removeUnreferencedSchemas(spec);
  return spec;
}

/**
 * Drops components.schemas that nothing outside them references, directly or through other schemas.
 * @param {Record<string, any>} spec
 */
export function removeUnreferencedSchemas(spec) {
  const schemas = spec.components?.schemas ?? {};
  const prefix = '#/components/schemas/';
  const reached = new Set();
  const queue = refsIn({ ...spec, components: { ...spec.components, schemas: {} } });
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (reached.has(name) || !schemas[name]) continue;
    reached.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];

  /**
   * @param {unknown} node
   */
  function refsIn(node) {
    /** @type {string[]} */
    const out = [];
    (function walk(/** @type {any} */ n) {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      if (typeof n.$ref === 'string' && n.$ref.startsWith(prefix)) out.push(n.$ref.slice(prefix.length));
      Object.values(n).forEach(walk);
    })(node);
    return out;
  }
}
