// The mock's options: documented defaults and their validation (shared by startMock and the CLI).
import { loadSpec, checkShape, DEFAULT_SPEC } from './spec.js';
import { VENDOR_RATE_LIMIT } from './rate-limit.js';
import { createStdoutLog } from './log.js';
import { ENCODINGS } from './encoding.js';

const MAX_TIMER_MS = 2 ** 31 - 1;
import { DEFAULT_ID_START, DEFAULT_MAX_MESSAGES } from './emulator/context.js';

export const MODES = Object.freeze(['stateful', 'examples', 'dynamic']);
const MAX_ID = 2n ** 63n - 1n;

export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  appKey: 'nim-mock-appkey',
  appSecret: 'nim-mock-secret',
  auth: true,
  mode: 'stateful',
  dynamic: false,
  encoding: 'docs',
  rateLimit: false,
  idStart: DEFAULT_ID_START,
  maxMessages: DEFAULT_MAX_MESSAGES,
  bodyLimitBytes: 1024 * 1024,
  shutdownGraceMs: 5_000,
  // docs/adr/0050: a form body is small; nothing legitimate is this slow. 0 turns a timeout off.
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 5_000,
  maxConnections: 1_024,
  maxBufferedBytes: 64 * 1024 * 1024,
});

/**
 * @typedef {object} ResolvedOptions startMock's options, complete and checked
 * @property {string} host
 * @property {number} port
 * @property {Record<string, any>} spec
 * @property {string} appKey
 * @property {string} appSecret
 * @property {boolean} auth
 * @property {boolean} dynamic
 * @property {string | undefined} seed
 * @property {false | Required<import('./index.js').RateLimitOptions>} rateLimit
 * @property {() => number} now
 * @property {(((line: string) => void) & { flush?: () => void }) | undefined} log
 * @property {number} bodyLimitBytes
 * @property {number} shutdownGraceMs
 * @property {import('./index.js').MockMode} mode
 * @property {'docs' | 'sdk'} encoding
 * @property {bigint} idStart
 * @property {number} maxMessages
 * @property {number | undefined} clock
 * @property {string[] | undefined} accounts
 * @property {string | undefined} stateFile
 * @property {string | undefined} callbackUrl
 * @property {import('./index.js').CallbackRetryOptions | undefined} callbackRetry
 * @property {string | undefined} controlToken
 * @property {import('./index.js').StateStore | undefined} store
 * @property {number} headersTimeoutMs
 * @property {number} requestTimeoutMs
 * @property {number} idleTimeoutMs
 * @property {number} maxConnections
 * @property {number} maxBufferedBytes
 */

/**
 * Options as given to startMock -> a complete, checked configuration. Throws a TypeError naming the bad option.
 * @param {import('./index.js').MockOptions} [options]
 * @returns {ResolvedOptions}
 */
export function resolveOptions(options = {}) {
  /** @type {Record<string, any>} */
  const o = { ...DEFAULTS, ...withoutUndefined(options) };
  if (typeof o.host !== 'string' || !o.host) throw new TypeError(`host must be a non-empty string, got ${o.host}`);
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new TypeError(`port must be an integer 0-65535, got ${o.port}`);
  if (o.auth) {
    for (const name of ['appKey', 'appSecret']) {
      if (typeof o[name] !== 'string' || !o[name]) throw new TypeError(`${name} must be a non-empty string when auth is on`);
    }
  }
  if (o.log !== undefined && o.log !== false && typeof o.log !== 'function') throw new TypeError('log must be a function or false');
  if (!ENCODINGS.includes(o.encoding)) throw new TypeError(`encoding must be one of ${ENCODINGS.join(', ')}, got ${o.encoding}`);
  if (o.now !== undefined && typeof o.now !== 'function') throw new TypeError('now must be a function returning Unix milliseconds');
  for (const name of ['bodyLimitBytes', 'shutdownGraceMs', 'headersTimeoutMs', 'requestTimeoutMs', 'idleTimeoutMs', 'maxBufferedBytes']) {
    if (!Number.isSafeInteger(o[name]) || o[name] < 0) throw new TypeError(`${name} must be a non-negative integer, got ${o[name]}`);
  }
  for (const name of ['headersTimeoutMs', 'requestTimeoutMs', 'idleTimeoutMs']) {
    if (o[name] > MAX_TIMER_MS) throw new TypeError(`${name} must be at most ${MAX_TIMER_MS} (a timer's limit), got ${o[name]}`);
  }
  if (!Number.isSafeInteger(o.maxConnections) || o.maxConnections < 1) throw new TypeError(`maxConnections must be a positive integer, got ${o.maxConnections}`);
  // `dynamic: true` (the option before modes existed) still selects dynamic mode.
  const mode = options.mode ?? (o.dynamic ? 'dynamic' : DEFAULTS.mode);
  if (!MODES.includes(mode)) throw new TypeError(`mode must be one of ${MODES.join(', ')}, got ${mode}`);
  if (options.dynamic && mode !== 'dynamic') throw new TypeError(`dynamic: true conflicts with mode '${mode}'`);
  let idStart;
  try {
    idStart = BigInt(o.idStart);
  } catch {
    idStart = -1n;
  }
  if (idStart < 0n || idStart > MAX_ID) throw new TypeError(`idStart must be an integer 0-${MAX_ID}, got ${o.idStart}`);
  if (!Number.isInteger(o.maxMessages) || o.maxMessages < 1) throw new TypeError(`maxMessages must be a positive integer, got ${o.maxMessages}`);
  if (o.clock !== undefined && (!Number.isInteger(o.clock) || o.clock < 0)) throw new TypeError(`clock must be Unix milliseconds (a non-negative integer), got ${o.clock}`);
  if (o.accounts !== undefined && (!Array.isArray(o.accounts) || o.accounts.some((a) => typeof a !== 'string' || !a))) {
    throw new TypeError('accounts must be a list of accids (non-empty strings)');
  }
  for (const name of ['controlToken', 'stateFile']) {
    if (o[name] !== undefined && (typeof o[name] !== 'string' || !o[name])) throw new TypeError(`${name} must be a non-empty string`);
  }
  if (o.callbackUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(String(o.callbackUrl))) throw new TypeError(`callbackUrl must be an http(s) URL, got ${o.callbackUrl}`);
  if (mode !== 'stateful') {
    for (const name of ['stateFile', 'accounts', 'clock']) {
      if (o[name] !== undefined) throw new TypeError(`${name} only applies to the stateful mode, not to mode '${mode}'`);
    }
  }
  const spec = typeof o.spec === 'object' && o.spec !== null ? o.spec : loadSpec(o.spec ?? DEFAULT_SPEC);
  checkShape(spec);
  return /** @type {ResolvedOptions} */ (/** @type {unknown} */ ({
    ...o,
    spec,
    auth: Boolean(o.auth),
    mode,
    dynamic: mode === 'dynamic',
    idStart,
    seed: o.seed === undefined || o.seed === null || o.seed === '' ? undefined : String(o.seed),
    rateLimit: o.rateLimit ? { ...VENDOR_RATE_LIMIT, ...(typeof o.rateLimit === 'object' ? withoutUndefined(o.rateLimit) : {}) } : false,
    now: o.now ?? Date.now,
    log: o.log === false ? undefined : (o.log ?? createStdoutLog()),
  }));
}

/**
 * @param {Record<string, any>} object
 */
export function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
