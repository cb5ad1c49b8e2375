// Verification of the vendor's callback (抄送) requests: MD5 = md5(raw body), CheckSum = sha1(AppSecret + MD5 + CurTime).
import { md5 } from '@noble/hashes/legacy.js';
import { sha1Hex, toHex } from './signing.js';

export interface VerifyCallbackInput {
  /** The request headers (any casing): MD5, CheckSum, CurTime. */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The raw request body, exactly as received. */
  rawBody: string | Uint8Array;
  appSecret: string;
  /** Reject a CurTime further than this from now (seconds, default 300). 0 turns the check off. */
  maxSkewSeconds?: number;
  /** Clock in Unix milliseconds (tests). */
  now?: () => number;
}

export type VerifyCallbackResult = { ok: true } | { ok: false; reason: 'missing-header' | 'md5-mismatch' | 'checksum-mismatch' | 'stale' };

export async function verifyCallback(input: VerifyCallbackInput): Promise<VerifyCallbackResult> {
  const get = (name: string) => header(input.headers, name);
  const md5Header = get('MD5');
  const checkSumHeader = get('CheckSum');
  const curTime = get('CurTime');
  if (!md5Header || !checkSumHeader || !curTime) return { ok: false, reason: 'missing-header' };
  const bytes = typeof input.rawBody === 'string' ? new TextEncoder().encode(input.rawBody) : input.rawBody;
  if (!constantTimeEqual(toHex(md5(bytes)), md5Header.toLowerCase())) return { ok: false, reason: 'md5-mismatch' };
  const expected = await sha1Hex(input.appSecret + md5Header + curTime);
  if (!constantTimeEqual(expected, checkSumHeader.toLowerCase())) return { ok: false, reason: 'checksum-mismatch' };
  const maxSkew = input.maxSkewSeconds ?? 300;
  if (maxSkew > 0) {
    const nowSeconds = (input.now ?? Date.now)() / 1000;
    // The vendor's docs do not say whether callbacks send seconds or milliseconds: accept both.
    const sent = Number(curTime) > 1e11 ? Number(curTime) / 1000 : Number(curTime);
    if (!Number.isFinite(sent) || Math.abs(nowSeconds - sent) > maxSkew) return { ok: false, reason: 'stale' };
  }
  return { ok: true };
}

function header(headers: VerifyCallbackInput['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return Array.isArray(v) ? v[0] : v;
  return undefined;
}

/** Compares two strings without an early exit, so timing does not reveal how much matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
