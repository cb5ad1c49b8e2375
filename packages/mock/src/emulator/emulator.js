// Stateful mode: one AppContext per AppKey over the store, requests applied in each app's arrival order, a model's
// refusal answered as the vendor's { code, desc }, emitted events handed to the callbacks after success only.
import { createAppContext, newRecord } from './context.js';
import { handlers } from './models/index.js';
import { createAppQueues } from './queue.js';
import { Refusal } from './refusal.js';
import { createEmuRequest } from './request.js';
import { readSnapshot, snapshotChunks } from './snapshot.js';
import { createMemoryStore } from './store.js';

/** The answer to an operation without a model yet: a mock's own answer (docs/adr/0020), never a silent 200. */
export const UNMODELLED = 501;
/** Apps one mock keeps (a --no-auth mock fed random AppKeys must not grow without end). */
export const MAX_APPS = 1_000;

/** The models by operationId (models/index.js). */
const models = /** @type {Record<string, ((ctx: import('./context.js').AppContext, req: import('./context.js').EmuRequest) => unknown) | undefined>} */ (
  handlers
);

/** @typedef {ReturnType<typeof createEmulator>} Emulator */

/**
 * @param {{ operationIds: string[], idStart: bigint, now: () => number, accounts?: string[], maxMessages: number, maxApps?: number,
 *   store?: import('./store.js').StateStore, callbacks?: ReturnType<typeof import('./callbacks.js').createCallbacks> }} o
 */
export function createEmulator(o) {
  const store = o.store ?? createMemoryStore();
  const enter = createAppQueues();
  /** @type {Map<string, import('./context.js').AppContext>} */
  const contexts = new Map();
  /** @type {import('./callbacks.js').CallbackEvent[]} */
  let emitted = [];
  const unmodelled = o.operationIds.filter((id) => typeof models[id] !== 'function');

  /** @param {string} appKey */
  function context(appKey) {
    let record = store.get(appKey);
    if (!record) store.set(appKey, (record = newRecord()));
    let ctx = contexts.get(appKey);
    if (ctx?.record !== record) {
      ctx = createAppContext({
        appKey,
        record,
        idStart: o.idStart,
        now: o.now,
        accounts: o.accounts,
        maxMessages: o.maxMessages,
        onEvent: (event) => emitted.push(event),
      });
      contexts.set(appKey, ctx);
    }
    return ctx;
  }

  /**
   * Forgets one app's state, or every app's.
   * @param {string} [appKey]
   */
  function reset(appKey) {
    if (appKey === undefined) {
      store.clear();
      contexts.clear();
    } else {
      store.delete(appKey);
      contexts.delete(appKey);
    }
  }

  return {
    store,
    enter,
    unmodelled,
    /**
     * Runs the model of operationId on the app's state (call it in the app's turn). -> { body, status?, stateful? }
     * @param {string} appKey
     * @param {string} operationId
     * @param {string} form  the canonical form text (form.js)
     * @returns {{ status?: number, body: any, stateful?: boolean }}
     */
    apply(appKey, operationId, form) {
      const handler = models[operationId];
      if (typeof handler !== 'function') {
        return {
          status: UNMODELLED,
          body: { code: UNMODELLED, desc: `nim-mock: ${operationId} has no stateful model yet; start with --mode examples, or send Prefer: example=ok` },
        };
      }
      if (!store.get(appKey) && store.keys().length >= (o.maxApps ?? MAX_APPS)) {
        return { status: 503, body: { code: 503, desc: `nim-mock: this mock already holds ${o.maxApps ?? MAX_APPS} apps; POST /_mock/reset frees them` } };
      }
      emitted = [];
      let body;
      try {
        body = handler(context(appKey), createEmuRequest(operationId, form));
      } catch (error) {
        emitted = []; // a refused call sends no callback
        if (error instanceof Refusal) return { body: error.body, stateful: true };
        throw error;
      }
      const events = emitted;
      emitted = [];
      if (events.length) o.callbacks?.enqueue(appKey, events);
      return { body, stateful: true };
    },
    reset,
    /** The snapshot's JSON text in pieces (other apps keep being served between them). */
    snapshotChunks: (/** @type {string[] | undefined} */ appKeys) => snapshotChunks(store, enter, appKeys),
    /** Replaces the whole state with a parsed snapshot (or fixture); returns the AppKeys loaded. Throws on a bad one. */
    /**
     * @param {unknown} document
     * @param {{ merge?: boolean }} [options]
     */
    load(document, { merge = false } = {}) {
      const apps = readSnapshot(document, newRecord);
      if (!merge) reset();
      for (const [appKey, record] of apps) {
        contexts.delete(appKey);
        store.set(appKey, record);
      }
      return [...apps.keys()];
    },
  };
}
