// AppContext: what a model's handler gets for one AppKey (CONTRACT.md). The framework keeps one per app; model unit
// tests build one directly with createAppContext(options).
import { initialState } from './models/index.js';
import { fail } from './refusal.js';

/** Above 2^53 by default, so every QA flow carries ids a JavaScript Number would round. */
export const DEFAULT_ID_START = 2n ** 53n + 1000n;
/** Messages kept per chatroom / QChat channel; the oldest are dropped beyond it. */
export const DEFAULT_MAX_MESSAGES = 1000;
/** The code of an accid the app does not know (--accounts): 对象不存在 (docs/adr/0026). */
export const UNKNOWN_ACCOUNT = 404;

/**
 * @typedef {object} AppRecord  An app's persisted data: JSON-serialisable, the unit the store keeps.
 * @property {Record<string, any>} state  one key per group
 * @property {string | null} lastId  the last id handed out (decimal), null before the first
 *
 * @typedef {object} AppContextOptions
 * @property {string} [appKey]
 * @property {AppRecord} [record]  the app's data to work on (default: a new, empty app)
 * @property {bigint | number | string} [idStart]  first id (default DEFAULT_ID_START)
 * @property {() => number} [now]  the clock, Unix ms (default Date.now)
 * @property {number} [clock]  a frozen clock, Unix ms (wins over `now`)
 * @property {Iterable<string>} [accounts]  the app's accids; without it every accid exists
 * @property {(event: { eventType: string, body: object }, ctx: AppContext) => void} [onEvent]  receives ctx.emit's events
 * @property {number} [maxMessages]  per room/channel (default DEFAULT_MAX_MESSAGES)
 *
 * @typedef {ReturnType<typeof createAppContext>} AppContext
 * @typedef {ReturnType<typeof import('./request.js').createEmuRequest>} EmuRequest
 */

/** @param {AppContextOptions} [options] */
export function createAppContext(options = {}) {
  const record = options.record ?? newRecord();
  const idStart = BigInt(options.idStart ?? DEFAULT_ID_START);
  const now = options.clock !== undefined ? () => /** @type {number} */ (options.clock) : (options.now ?? Date.now);
  const accounts = options.accounts ? new Set(options.accounts) : undefined;
  const onEvent = options.onEvent;

  const ctx = {
    appKey: options.appKey ?? 'nim-mock-appkey',
    record,
    get state() {
      return record.state;
    },
    now,
    /** The next id: unique per app, increasing, never below idStart. */
    nextId() {
      const last = record.lastId === null ? idStart - 1n : BigInt(record.lastId);
      const id = last < idStart ? idStart : last + 1n;
      record.lastId = id.toString();
      return id;
    },
    fail,
    /** Refuses an accid the app does not know when the app's accounts are given; a no-op otherwise. */
    /**
     * @param {unknown} accid
     * @param {string} [field]
     */
    requireAccount(accid, field = 'accid') {
      if (accounts && !accounts.has(String(accid))) fail(UNKNOWN_ACCOUNT, `${field} ${accid} does not exist`);
    },
    /**
     * Queues a callback (抄送) event for --callback-url; a no-op without one.
     * @param {{ eventType: string, body: object }} event
     */
    emit(event) {
      if (!event || typeof event.eventType !== 'string' || typeof event.body !== 'object') {
        throw new TypeError('ctx.emit needs { eventType: string, body: object }');
      }
      onEvent?.(event, ctx);
    },
    limits: Object.freeze({ maxMessages: options.maxMessages ?? DEFAULT_MAX_MESSAGES }),
  };
  return ctx;
}

/** A new app: every group's empty state, no id handed out yet. @returns {AppRecord} */
export function newRecord() {
  return { state: initialState(), lastId: null };
}
