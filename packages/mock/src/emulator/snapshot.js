// Snapshots of every app's record as one JSON document, written in small pieces: the event loop gets a turn every few
// milliseconds, so saving a large state delays other requests by a moment only; the app being written waits in its
// own line (queue.js) so its piece is consistent.
import { stringifyBody } from './json.js';

export const SNAPSHOT_FORMAT = 'nim-mock-state/1';
const SLICE_MS = 8;

/**
 * Yields the JSON text of `{ format, apps: { <appKey>: { lastId, state } } }` in pieces.
 * @param {import('./store.js').StateStore} store @param {(appKey: string) => { turn(): Promise<void>, release(): void }} enter
 * @param {string[]} [appKeys] only these apps (default: all)
 */
export async function* snapshotChunks(store, enter, appKeys = store.keys()) {
  yield `{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"apps":{`;
  let firstApp = true;
  let slice = performance.now();
  for (const appKey of appKeys) {
    const ticket = enter(appKey);
    try {
      await ticket.turn();
      const record = store.get(appKey);
      if (!record) continue;
      yield `${firstApp ? '' : ','}${JSON.stringify(appKey)}:{"lastId":${JSON.stringify(record.lastId)},"state":`;
      firstApp = false;
      // Three levels deep (group -> collection -> entry), one piece per entry, e.g. one room's messages.
      for (const piece of pieces(record.state, 3)) {
        yield piece;
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      yield '}';
    } finally {
      ticket.release();
    }
  }
  yield '}}';
}

/**
 * @param {unknown} value
 * @param {number} depth  levels still written piece by piece
 * @returns {Generator<string>}
 */
function* pieces(value, depth) {
  if (depth === 0 || value === null || typeof value !== 'object') {
    yield stringifyBody(value) ?? 'null'; // JSON.stringify(undefined) is undefined
    return;
  }
  const array = Array.isArray(value);
  yield array ? '[' : '{';
  let first = true;
  for (const [key, item] of array ? value.entries() : Object.entries(value)) {
    if (item === undefined && !array) continue;
    yield `${first ? '' : ','}${array ? '' : JSON.stringify(key) + ':'}`;
    first = false;
    yield* pieces(item, depth - 1);
  }
  yield array ? ']' : '}';
}

/**
 * A parsed snapshot -> Map(appKey -> record), checked; throws an Error naming the problem.
 * Groups missing from an app's state start empty (`fresh()`), so a fixture may give only the group it is about.
 * @param {any} document
 * @param {() => import('./context.js').AppRecord} fresh
 */
export function readSnapshot(document, fresh) {
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw new Error('a state snapshot is a JSON object');
  if (document.format !== undefined && document.format !== SNAPSHOT_FORMAT) {
    throw new Error(`unknown snapshot format '${document.format}' (this mock reads '${SNAPSHOT_FORMAT}')`);
  }
  const apps = document.apps;
  if (!apps || typeof apps !== 'object' || Array.isArray(apps)) throw new Error('a state snapshot needs "apps": { "<AppKey>": { "lastId", "state" } }');
  const out = new Map();
  for (const [appKey, app] of Object.entries(apps)) {
    if (!app || typeof app !== 'object') throw new Error(`apps.${appKey} must be an object`);
    const lastId = app.lastId ?? null;
    if (lastId !== null && !/^\d+$/.test(String(lastId))) throw new Error(`apps.${appKey}.lastId must be a decimal id or null`);
    const state = app.state ?? {};
    if (typeof state !== 'object' || Array.isArray(state)) throw new Error(`apps.${appKey}.state must be an object`);
    const base = fresh().state;
    for (const [group, value] of Object.entries(state)) {
      if (!(group in base)) throw new Error(`apps.${appKey}.state.${group}: no such group (known: ${Object.keys(base).join(', ')})`);
      base[group] = value;
    }
    out.set(appKey, { state: base, lastId: lastId === null ? null : String(lastId) });
  }
  return out;
}
