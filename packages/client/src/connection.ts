// The options every client shares (credentials, hosts, fetch, clock), checked once with clear errors.
import type { FetchLike, NimClientOptions } from './options.js';
import { resolveHosts } from './hosts.js';
import { checkExtraHeaders } from './headers.js';
import { randomNonce } from './signing.js';
import { checkHeaderValue, checkNonce } from './checks.js';

export type ConnectionOptions = Pick<
  NimClientOptions,
  'appKey' | 'appSecret' | 'baseUrl' | 'region' | 'fetch' | 'headers' | 'clockOffsetMs' | 'now' | 'nonce'
>;

export interface Connection {
  appKey: string;
  appSecret: string;
  hosts: string[];
  fetch: FetchLike;
  headers: Readonly<Record<string, string>>;
  /** Wall clock in Unix milliseconds. */
  now: () => number;
  /** The clock used for CurTime: `now` plus the clock offset. */
  signingClock: () => number;
  nonce: () => string;
}

export function resolveConnection(options: ConnectionOptions, caller = 'createNimClient'): Connection {
  if (options === null || typeof options !== 'object') throw new TypeError(`${caller} needs an options object`);
  const { appKey, appSecret } = options;
  if (typeof appKey !== 'string' || appKey === '') throw new TypeError(`${caller} needs appKey (a non-empty string)`);
  checkHeaderValue(appKey, 'appKey');
  if (typeof appSecret !== 'string' || appSecret === '') throw new TypeError(`${caller} needs appSecret (a non-empty string)`);
  const offset = options.clockOffsetMs ?? 0;
  if (!Number.isFinite(offset)) throw new TypeError('clockOffsetMs must be a finite number of milliseconds');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('fetch must be a function');
  const customNonce = options.nonce;
  const now = options.now ?? Date.now;
  return {
    appKey,
    appSecret,
    hosts: resolveHosts(options.baseUrl, options.region),
    // Looked up per call, so a fetch patched in later (test tools, instrumentation) is honoured.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: checkExtraHeaders(options.headers ?? {}),
    now,
    signingClock: offset === 0 ? now : () => now() + offset,
    // A custom nonce is checked on every attempt: one over 128 characters would be refused by the vendor.
    nonce: customNonce ? () => checkNonce(customNonce()) : randomNonce,
  };
}
