// Redoc shows `x-enumDescriptions` (a value -> text table) but not `x-enum-varnames`: the page lists each coded
// value with its constant's name (`Text`, as in the client's `ChatroomMsgType.Text`; Redoc shows the set's title
// next to the type) ahead of the value's own description. Names only, to keep the page light (docs/adr/0033).
/**
 * @param {Record<string, any>} spec
 * @returns {Record<string, any>} the same spec, changed in place
 */
export function showEnumNames(spec) {
  (/** @param {any} node */ function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const names = node['x-enum-varnames'];
    if (Array.isArray(names) && Array.isArray(node.enum) && node.title) {
      const described = node['x-enumDescriptions'] ?? {};
      node['x-enumDescriptions'] = Object.fromEntries(
        node.enum.map((/** @type {unknown} */ value, /** @type {number} */ i) => [String(value), [names[i], described[String(value)]].filter(Boolean).join(': ')]),
      );
      delete node['x-enum-varnames'];
    }
    Object.values(node).forEach(walk);
  })(spec);
  return spec;
}
