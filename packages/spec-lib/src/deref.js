// $ref inlining for a bundled document (all refs local).

/**
 * Inlines local $refs; OpenAPI 3.1 sibling keywords of a $ref win over the target's.
 * @param {Record<string, any>} spec
 * @param {any} node
 * @returns {any}
 */
export function deref(spec, node) {
  if (Array.isArray(node)) return node.map((n) => deref(spec, n));
  if (!node || typeof node !== 'object') return node;
  let cur = node;
  while (typeof cur.$ref === 'string') {
    const target = cur.$ref
      .slice(2)
      .split('/')
      .reduce((/** @type {any} */ o, /** @type {string} */ k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    if (!target) throw new Error(`unresolvable $ref ${cur.$ref}`);
    const { $ref, ...siblings } = cur;
    cur = { ...target, ...siblings };
  }
  return Object.fromEntries(Object.entries(cur).map(([k, v]) => [k, deref(spec, v)]));
}
