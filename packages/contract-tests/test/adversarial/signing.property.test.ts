// Suite 2 - signing properties: random (secret, nonce, time) triples, Unicode and empty values included, signed by
// the client must equal an independent SHA-1. Seed: NIM_FUZZ_SEED (default 20261121); runs: NIM_SIGNING_RUNS.
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { checkSum, signHeaders } from '@nimkit/client';
import { sha1Reference } from '../support/sha1.js';

const seed = Number(process.env.NIM_FUZZ_SEED ?? 20261121);
const numRuns = Number(process.env.NIM_SIGNING_RUNS ?? 10_000);
let checked = 0;

it('the reference SHA-1 reproduces known vectors', () => {
  expect(sha1Reference('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  expect(sha1Reference('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  expect(sha1Reference('abcdef1234564tgggergigwow323t23t1443592222')).toBe('2a5be7297876a281b888aead8752a54e1f9ab04a');
});

it(`${numRuns} random CheckSums match the reference`, async () => {
  const text = fc.oneof(fc.string({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 32 }), fc.constant(''));
  await fc.assert(
    fc.asyncProperty(text, text, fc.integer({ min: 0, max: 2 ** 33 }), async (secret, nonce, time) => {
      const curTime = String(time);
      const expected = sha1Reference(secret + nonce + curTime);
      expect(await checkSum(secret, nonce, curTime)).toBe(expected);
      const headers = await signHeaders({ appKey: 'k', appSecret: secret, now: time + 0.999, nonce });
      expect(headers).toEqual({ AppKey: 'k', Nonce: nonce, CurTime: curTime, CheckSum: expected });
      checked++;
    }),
    { seed, numRuns },
  );
});

afterAll(() => {
  console.log(`signing properties: ${checked} cases matched an independent SHA-1 (seed ${seed}), 0 mismatches`);
});
