// The store: where each app's record ({ state, lastId }, see context.js) lives. One small interface so that a shared
// store (docs/adr/0027) could replace the in-memory one without touching the models or the HTTP front.

/**
 * @typedef {object} StateStore
 * @property {string} kind
 * @property {(appKey: string) => import('./context.js').AppRecord | undefined} get
 * @property {(appKey: string, record: import('./context.js').AppRecord) => void} set
 * @property {(appKey: string) => boolean} delete
 * @property {() => string[]} keys
 * @property {() => void} clear
 */

/** The default store: a Map in this process; records are mutated in place by the handlers. @returns {StateStore} */
export function createMemoryStore() {
  const apps = new Map();
  return {
    kind: 'memory',
    get: (appKey) => apps.get(appKey),
    set: (appKey, record) => void apps.set(appKey, record),
    delete: (appKey) => apps.delete(appKey),
    keys: () => [...apps.keys()],
    clear: () => apps.clear(),
  };
}
