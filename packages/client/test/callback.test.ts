// Verification of the vendor's callback (抄送) requests, against hashes computed with node:crypto.
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, verifyCallback } from '../src/callback.js';
import { md5, sha1 } from './support/reference.js';

const appSecret = 'callback-secret';
const now = () => 1_700_000_000_000;

function signedHeaders(body: string | Uint8Array, curTime = '1700000000', secret = appSecret) {
  const bodyMd5 = md5(body);
  return { AppKey: 'k', CurTime: curTime, MD5: bodyMd5, CheckSum: sha1(secret + bodyMd5 + curTime) };
}

describe('verifyCallback', () => {
  it('accepts the MD5 of the empty-object body the vendor sends to check a URL', () => {
    expect(md5('{}')).toBe('99914b932bd37a50b983c5e7c90ae93b');
    expect(verifyCallback({ headers: signedHeaders('{}'), rawBody: '{}', appSecret, now })).toEqual({ ok: true });
  });

  it('accepts a Unicode body given as a string, bytes or an ArrayBuffer, and Headers with any casing', () => {
    const body = '{"msgType":"TEXT","body":"你好","msgidServer":9223372036854775807}';
    const bytes = new TextEncoder().encode(body);
    const h = signedHeaders(body);
    expect(verifyCallback({ headers: h, rawBody: body, appSecret, now })).toEqual({ ok: true });
    expect(verifyCallback({ headers: h, rawBody: bytes, appSecret, now })).toEqual({ ok: true });
    expect(verifyCallback({ headers: h, rawBody: bytes.slice().buffer, appSecret, now })).toEqual({ ok: true });
    const lower = { appkey: h.AppKey, curtime: h.CurTime, md5: h.MD5, checksum: h.CheckSum };
    expect(verifyCallback({ headers: new Headers(lower), rawBody: body, appSecret, now })).toEqual({ ok: true });
    expect(verifyCallback({ headers: { ...lower, md5: [h.MD5] }, rawBody: body, appSecret, now })).toEqual({ ok: true });
  });

  it('rejects a tampered body, a wrong secret and a missing header, each with its reason', () => {
    const h = signedHeaders('{"a":1}');
    expect(verifyCallback({ headers: h, rawBody: '{"a":2}', appSecret, now })).toEqual({ ok: false, reason: 'md5-mismatch' });
    expect(verifyCallback({ headers: h, rawBody: '{"a":1}', appSecret: 'other', now })).toEqual({ ok: false, reason: 'checksum-mismatch' });
    expect(verifyCallback({ headers: { ...h, CheckSum: undefined }, rawBody: '{"a":1}', appSecret, now })).toEqual({ ok: false, reason: 'missing-header' });
    const forged = { ...h, CurTime: '1700000001' }; // CheckSum signed another CurTime
    expect(verifyCallback({ headers: forged, rawBody: '{"a":1}', appSecret, now })).toEqual({ ok: false, reason: 'checksum-mismatch' });
  });

  it('checks the AppKey when given', () => {
    const h = signedHeaders('{}');
    expect(verifyCallback({ headers: h, rawBody: '{}', appSecret, appKey: 'k', now })).toEqual({ ok: true });
    expect(verifyCallback({ headers: h, rawBody: '{}', appSecret, appKey: 'other', now })).toEqual({ ok: false, reason: 'appkey-mismatch' });
  });

  it('rejects a CurTime outside maxSkewSeconds, in seconds or milliseconds; 0 turns the check off', () => {
    const old = signedHeaders('{}', '1699999000'); // 1000 s before now
    expect(verifyCallback({ headers: old, rawBody: '{}', appSecret, now })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyCallback({ headers: old, rawBody: '{}', appSecret, now, maxSkewSeconds: 2_000 })).toEqual({ ok: true });
    expect(verifyCallback({ headers: old, rawBody: '{}', appSecret, now, maxSkewSeconds: 0 })).toEqual({ ok: true });
    const millis = signedHeaders('{}', '1700000000123');
    expect(verifyCallback({ headers: millis, rawBody: '{}', appSecret, now })).toEqual({ ok: true });
    const junk = signedHeaders('{}', '17e8');
    expect(verifyCallback({ headers: junk, rawBody: '{}', appSecret, now })).toEqual({ ok: false, reason: 'stale' });
  });

  it('accepts upper-case hex in the headers', () => {
    const h = signedHeaders('{}');
    const upper = { ...h, CheckSum: h.CheckSum.toUpperCase() };
    expect(verifyCallback({ headers: upper, rawBody: '{}', appSecret, now })).toEqual({ ok: true });
  });

  it('needs an AppSecret', () => {
    expect(() => verifyCallback({ headers: {}, rawBody: '{}', appSecret: '' })).toThrow(TypeError);
  });
});

describe('constantTimeEqual', () => {
  it('is plain equality on strings of any length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('a', '')).toBe(false);
  });

  it('reads every character whatever the first difference (no early exit)', () => {
    const reads: number[] = [];
    const probe = (s: string) =>
      new Proxy(new String(s), {
        get(target, key, receiver) {
          if (key === 'charCodeAt') return (i: number) => (reads.push(i), s.charCodeAt(i));
          return Reflect.get(target, key, receiver);
        },
      }) as unknown as string;
    constantTimeEqual(probe('x'.repeat(40)), 'y'.repeat(40));
    const early = reads.length;
    reads.length = 0;
    constantTimeEqual(probe('y'.repeat(39) + 'x'), 'y'.repeat(40));
    expect(early).toBe(40);
    expect(reads.length).toBe(40);
  });
});
