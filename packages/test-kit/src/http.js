// The vendor's four auth headers, raw form posts (for bodies the client would refuse to send), and the settings
// every test mock starts with.
import { createHash, randomUUID } from 'node:crypto';

export const APP_KEY = 'test-app-key';
export const APP_SECRET = 'test-app-secret';
export const FORM_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** @param {string} s */
export const sha1 = (s) => createHash('sha1').update(s).digest('hex');

/**
 * The vendor's four auth headers: CheckSum = sha1(AppSecret + Nonce + CurTime).
 * @param {{ appKey?: string, appSecret?: string, nonce?: string, atMs?: number }} [options] atMs: Unix
 *   milliseconds the request is signed at (default: now)
 */
export function sign({ appKey = APP_KEY, appSecret = APP_SECRET, nonce = randomUUID().replace(/-/g, ''), atMs = Date.now() } = {}) {
  const curTime = String(Math.floor(atMs / 1000));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: sha1(appSecret + nonce + curTime) };
}

/**
 * A body in the client's shape -> the wire form: JSON values JSON-encoded, scalars as text.
 * @param {Record<string, unknown>} body
 */
export function toForm(body) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) form.set(k, v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
  return form.toString();
}

/**
 * @typedef {object} RawAnswer
 * @property {number} status
 * @property {Headers} headers
 * @property {{ code: number, desc?: unknown, [key: string]: unknown }} json
 */

/**
 * POSTs a raw form body (signed unless `headers` says otherwise) and returns the HTTP status and the parsed JSON.
 * @param {{ url: string }} target a running mock (or anything with a base URL)
 * @param {string} path e.g. '/qchat/createServer.action'
 * @param {string} body
 * @param {Record<string, string>} [headers]
 * @param {string} [contentType]
 * @returns {Promise<RawAnswer>}
 */
export async function postRaw(target, path, body, headers = sign(), contentType = FORM_TYPE) {
  const res = await fetch(target.url + path, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

/**
 * A `startTestMock` over the mock's `startMock` (passed in, so this kit does not depend on the mock): a free
 * loopback port, no log, examples mode, and this kit's AppKey and AppSecret unless `options` say otherwise.
 * @template O, M
 * @param {(options: O & { port: number, log: false, appKey: string, appSecret: string }) => Promise<M>} startMock
 * @returns {(options?: Partial<O>) => Promise<M>}
 */
export function testMockStarter(startMock) {
  // Examples mode unless the options pick a mode: most suites check the spec's examples, not the emulator's state.
  return (options = {}) => {
    const o = /** @type {Record<string, unknown>} */ (options);
    const mode = o.mode || o.dynamic ? {} : { mode: 'examples' };
    return startMock(/** @type {any} */ ({ port: 0, log: false, appKey: APP_KEY, appSecret: APP_SECRET, ...mode, ...options }));
  };
}
