// Options of the client and of each call. Kept apart from the code that reads them so the generated facade can
// import CallOptions without importing the client.
import type { NimHooks } from './hooks.js';
import type { Region } from './hosts.js';
import type { RetryPolicy } from './retry.js';

/** A fetch implementation; the client calls it as `fetch(url, init)` (the standard signature). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface NimClientOptions {
  appKey: string;
  /** Used only to compute CheckSum; never logged, printed, serialized or passed to hooks. */
  appSecret: string;
  /** One base URL or a failover list, e.g. `https://api.yunxinapi.com/nimserver`. Do not combine with `region`. */
  baseUrl?: string | readonly string[];
  /** Host preset with its backup host: 'cn' (default) or 'sg'. */
  region?: Region;
  /** Timeout of each attempt in milliseconds, from sending to the whole body read (default 5000; 1 to 2^31-1). */
  timeoutMs?: number;
  /**
   * Largest answer body read, in bytes (default 16 MiB). A larger one (declared or streamed) is cancelled and the call
   * fails with NimResponseTooLargeError, not retried.
   */
  maxResponseBytes?: number;
  /** Retry policy (merged over `defaultRetryPolicy`), or false for exactly one attempt. */
  retry?: Partial<RetryPolicy> | false;
  /** A fetch implementation (default: globalThis.fetch), called as `fetch(url, init)`. */
  fetch?: FetchLike;
  /** Logging and metrics hooks. They never see the AppSecret, and CheckSum is redacted. */
  hooks?: NimHooks;
  /**
   * Extra headers on every request (e.g. `Prefer: example=paramError` for the mock). Auth headers cannot be set; a
   * name that is not an HTTP token or a value with CR, LF or another control character is a TypeError.
   */
  headers?: Readonly<Record<string, string>>;
  /** Validate bodies against the spec before sending (default: true in '@nimkit/client', unavailable in '/core'). */
  validate?: boolean;
  /** Added to the clock when signing, for a machine whose clock is known to be off (milliseconds). */
  clockOffsetMs?: number;
  /** After failing over to a backup host, try the primary again after this long (milliseconds, default 60000; 0 to 2^31-1). */
  failbackMs?: number;
  /** Clock in Unix milliseconds (tests). */
  now?: () => number;
  /** Nonce generator (tests). Must return 1-128 characters valid in a header, checked on every attempt (TypeError). */
  nonce?: () => string;
}

/** Per-call options of every facade method and of `call`. */
export interface CallOptions {
  /** Aborts the call: the attempt in flight and any wait before the next one. */
  signal?: AbortSignal;
  /** Overrides the client's timeout of each attempt, in milliseconds (1 to 2^31-1). */
  timeoutMs?: number;
  /** Overrides client-side validation for this call. */
  validate?: boolean;
  /** Overrides the client's retry policy for this call (false: one attempt). */
  retry?: Partial<RetryPolicy> | false;
  /** Extra headers for this call, over the client's `headers`. */
  headers?: Readonly<Record<string, string>>;
  /** The RequestId header of this call (default: 32 random hex characters); reused by every attempt. A valid header value. */
  requestId?: string;
}
