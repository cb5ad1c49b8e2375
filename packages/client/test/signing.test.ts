// CheckSum = lowercase hex SHA-1(AppSecret + Nonce + CurTime), checked against a published vector and node:crypto.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSum, sha1Hex, signHeaders, randomNonce } from '../src/signing.js';
import { sha1 } from './support/reference.js';

describe('checkSum', () => {
  it('matches the test vector computed independently of this code', () => {
    expect(checkSum('abcdef123456', '4tgggergigwow323t23t', '1443592222')).toBe('2a5be7297876a281b888aead8752a54e1f9ab04a');
  });

  it('matches the standard SHA-1 vectors', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    // Two blocks: 56 bytes pads into a second 64-byte block.
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('equals node:crypto SHA-1 at every length across the padding boundaries, and for a 1.5 MB input', () => {
    // 55/56 and 63/64 bytes are where the length field and the 0x80 byte move into a second block.
    for (let length = 0; length <= 200; length++) expect(sha1Hex('x'.repeat(length))).toBe(sha1('x'.repeat(length)));
    for (let length = 0; length <= 70; length++) expect(sha1Hex('é'.repeat(length))).toBe(sha1('é'.repeat(length)));
    const long = 'abc\u4e2d'.repeat(250_000);
    expect(sha1Hex(long)).toBe(sha1(long));
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d'); // a short input after the buffer grew
  });

  it('equals node:crypto SHA-1 for 2,000 random inputs, Unicode and long values included', () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 2 ** 33 }), (secret, nonce, time) => {
        expect(checkSum(secret, nonce, String(time))).toBe(sha1(secret + nonce + String(time)));
      }),
      { seed: 20261121, numRuns: 2_000 },
    );
  });
});

describe('signHeaders', () => {
  it('returns exactly the four auth headers, CurTime in whole seconds', () => {
    const headers = signHeaders({ appKey: 'k', appSecret: 'abcdef123456', now: 1443592222.999, nonce: '4tgggergigwow323t23t' });
    expect(headers).toEqual({ AppKey: 'k', Nonce: '4tgggergigwow323t23t', CurTime: '1443592222', CheckSum: '2a5be7297876a281b888aead8752a54e1f9ab04a' });
  });
});

describe('randomNonce', () => {
  it('is 32 lowercase hex characters, different every time', () => {
    const nonces = Array.from({ length: 1_000 }, randomNonce);
    for (const n of nonces) expect(n).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
