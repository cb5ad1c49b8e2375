// Maps keyed by accids and ids hold only own entries: `constructor` and `__proto__` are valid accids, so reads skip
// the prototype and writes of `__proto__` define a real entry. Shared by the chatroom and QChat models.

/**
 * map[key] only when it is the map's own entry.
 * @template V
 * @param {Record<string, V>} map
 * @param {string | undefined} key
 * @returns {V | undefined}
 */
export const own = (map, key) => (Object.hasOwn(map, /** @type {string} */ (key)) ? map[/** @type {string} */ (key)] : undefined);

/**
 * map[key] = value as an own entry, even for `__proto__`; returns the value.
 * @template V
 * @param {Record<string, V>} map
 * @param {string} key
 * @param {V} value
 */
export function put(map, key, value) {
  if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
  return value;
}
