// Callback (抄送) delivery to --callback-url: each event the models emit is POSTed as JSON with the vendor's headers
// AppKey, CurTime (Unix ms), MD5 = md5(body) and CheckSum = sha1(AppSecret + MD5 + CurTime), one at a time in the
// order emitted. The receiver must answer HTTP 200 within the timeout; otherwise the delivery is retried with a
// growing pause, then given up, each outcome logged (docs/adr/0025).
import { createHash } from 'node:crypto';
import { stringifyBody } from './json.js';

export const CALLBACK_DEFAULTS = Object.freeze({ timeoutMs: 5_000, retries: 3, retryDelayMs: 1_000 });
const LOG_LIMIT = 1_000;
const QUEUE_LIMIT = 100_000;

/**
 * @param {string} algorithm
 * @param {string} text
 */
const hex = (algorithm, text) => createHash(algorithm).update(text).digest('hex');

/**
 * The vendor's callback headers for a body signed with appSecret at nowMs.
 * @param {string} appKey
 * @param {string} appSecret
 * @param {string} body
 * @param {number} nowMs
 */
export function callbackHeaders(appKey, appSecret, body, nowMs) {
  const md5 = hex('md5', body);
  const curTime = String(nowMs);
  return { 'Content-Type': 'application/json', AppKey: appKey, CurTime: curTime, MD5: md5, CheckSum: hex('sha1', appSecret + md5 + curTime) };
}

/**
 * @typedef {{ eventType: string, body: object }} CallbackEvent  an event a model emitted (ctx.emit)
 * @typedef {object} Delivery  one event's delivery, as GET /_mock/callbacks lists it
 * @property {number} seq
 * @property {string} appKey
 * @property {string} eventType
 * @property {number} attempts
 * @property {boolean} ok
 * @property {number | null} status  the receiver's last HTTP status
 * @property {string | null} error  why the last attempt failed
 */

/**
 * @param {{ url: string, appSecret: string, now?: () => number, log?: (line: string) => void,
 *   timeoutMs?: number, retries?: number, retryDelayMs?: number }} options
 */
export function createCallbacks({ url, appSecret, now = Date.now, log, ...tuning }) {
  const { timeoutMs, retries, retryDelayMs } = { ...CALLBACK_DEFAULTS, ...tuning };
  /** @type {{ appKey: string, event: CallbackEvent }[]} */
  const queue = [];
  /** @type {Delivery[]} */
  const deliveries = [];
  /** @type {Promise<void> | undefined} */
  let running;
  let seq = 0;

  /** @param {{ appKey: string, event: CallbackEvent }} queued */
  async function deliver({ appKey, event }) {
    const body = stringifyBody({ eventType: event.eventType, ...event.body });
    /** @type {Delivery} */
    const entry = { seq: ++seq, appKey, eventType: event.eventType, attempts: 0, ok: false, status: null, error: null };
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 1)));
      entry.attempts++;
      try {
        const res = await fetch(url, { method: 'POST', headers: callbackHeaders(appKey, appSecret, body, now()), body, signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        entry.status = res.status;
        entry.error = null;
        if (res.status === 200) {
          entry.ok = true;
          break;
        }
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      }
    }
    deliveries.push(entry);
    if (deliveries.length > LOG_LIMIT) deliveries.shift();
    log?.(`${new Date().toISOString()} callback eventType=${event.eventType} ${entry.ok ? 'delivered' : 'GAVE UP'} after ${entry.attempts} attempt(s)` +
      (entry.ok ? '' : ` (${entry.error ?? `HTTP ${entry.status}`})`));
  }

  async function drain() {
    for (let next = queue.shift(); next; next = queue.shift()) await deliver(next);
    running = undefined;
  }

  return {
    url,
    /**
     * Queues the events of one applied request; delivery happens in the background, in order.
     * @param {string} appKey
     * @param {CallbackEvent[]} events
     */
    enqueue(appKey, events) {
      for (const event of events) {
        if (queue.length >= QUEUE_LIMIT) {
          log?.(`${new Date().toISOString()} callback queue full (${QUEUE_LIMIT}): eventType=${event.eventType} dropped`);
          continue;
        }
        queue.push({ appKey, event });
      }
      running ??= drain();
    },
    /** Delivered and given-up events, oldest first (GET /_mock/callbacks). */
    log: () => [...deliveries],
    pending: () => queue.length + (running ? 1 : 0),
    /** Resolves once everything queued so far was delivered or given up (clean shutdown, tests). */
    idle: () => running ?? Promise.resolve(),
  };
}
