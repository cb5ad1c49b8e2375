// Verification of the vendor's callback (抄送) requests: MD5 = md5(raw body), CheckSum = sha1(AppSecret + MD5 + CurTime),
// both lowercase hex, compared in constant time.
import { md5 } from '@noble/hashes/legacy.js';
import { sha1Hex, toHex } from './signing.js';

export interface VerifyCallbackInput {
  /** The request headers, any casing: MD5, CheckSum, CurTime (and AppKey when `appKey` is given). */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw request body, exactly as received (before any JSON parsing). */
  rawBody: string | Uint8Array | ArrayBuffer;
  appSecret: string;
  /** When given, the AppKey header must equal it. */
  appKey?: string;
  /**
   * Reject a CurTime further than this from now, in seconds (default 300, the vendor's signing window). 0 turns it
   * off; a negative or NaN value is a TypeError.
   */
  maxSkewSeconds?: number;
  /** Clock in Unix milliseconds (tests). */
  now?: () => number;
}

export type VerifyCallbackFailure = 'missing-header' | 'appkey-mismatch' | 'md5-mismatch' | 'checksum-mismatch' | 'stale';

export type VerifyCallbackResult = { ok: true } | { ok: false; reason: VerifyCallbackFailure };

const encoder = /* @__PURE__ */ new TextEncoder();

/** Checks a callback request; answer it (HTTP 200) only when `ok` is true. */
export function verifyCallback(input: VerifyCallbackInput): VerifyCallbackResult {
  if (typeof input.appSecret !== 'string' || input.appSecret === '') throw new TypeError('verifyCallback needs appSecret');
  const maxSkew = input.maxSkewSeconds ?? 300;
  // A negative or NaN window would silently turn the freshness check off; only 0 does, on purpose.
  if (typeof maxSkew !== 'number' || !(maxSkew >= 0)) throw new TypeError(`maxSkewSeconds must be a number >= 0 (0 turns the check off), got ${String(maxSkew)}`);
  const get = (name: string) => header(input.headers, name);
  const md5Header = get('MD5');
  const checkSumHeader = get('CheckSum');
  const curTime = get('CurTime');
  if (!md5Header || !checkSumHeader || !curTime) return { ok: false, reason: 'missing-header' };
  if (input.appKey !== undefined && !constantTimeEqual(get('AppKey') ?? '', input.appKey)) return { ok: false, reason: 'appkey-mismatch' };

  const raw = input.rawBody;
  const bytes = typeof raw === 'string' ? encoder.encode(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  if (!constantTimeEqual(toHex(md5(bytes)), md5Header.toLowerCase())) return { ok: false, reason: 'md5-mismatch' };
  // The sender signed the MD5 text it sent, so the header value (not our recomputation) goes into the CheckSum.
  const expected = sha1Hex(input.appSecret + md5Header + curTime);
  if (!constantTimeEqual(expected, checkSumHeader.toLowerCase())) return { ok: false, reason: 'checksum-mismatch' };

  if (maxSkew > 0) {
    const nowSeconds = (input.now ?? Date.now)() / 1000;
    // The vendor's docs do not say whether callbacks send seconds or milliseconds: accept both.
    const value = Number(curTime);
    const sent = value > 1e11 ? value / 1000 : value;
    if (!/^\d+$/.test(curTime) || Math.abs(nowSeconds - sent) > maxSkew) return { ok: false, reason: 'stale' };
  }
  return { ok: true };
}

function header(headers: VerifyCallbackInput['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() === lower) return typeof value === 'string' ? value : value?.[0];
  }
  return undefined;
}

/** Compares two strings without an early exit, so the time taken does not reveal where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
