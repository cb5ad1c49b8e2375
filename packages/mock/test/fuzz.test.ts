// A bounded, seeded fuzzer over raw HTTP: random bytes and well-formed-but-wrong bodies to every operation. Every
// answer must be the vendor's shape (HTTP 200, integer code, string desc) or the documented 404 of an unknown
// action, and the mock must still be serving afterwards. NIM_FUZZ_SEED=<n> explores other seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { operations, sampleBody, sign, startTestMock, toForm } from './support/mock.js';
import { isVendorShaped, postBytes } from './support/raw-http.js';

const SEED = Number(process.env['NIM_FUZZ_SEED'] ?? 18);
const PER_OPERATION = 8; // 4 random-byte bodies + 4 wrong bodies

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Bytes a form parser trips on, over-represented among the random ones.
const TRICKY = [...'%&=+[]{}"\\0123456789'].map((c) => c.charCodeAt(0)).concat([0x00, 0x0a, 0x0d, 0x7f, 0x80, 0xc3, 0xe0, 0xed, 0xff]);
const WRONG_VALUES = [
  '0x10', '0b11', '1e2', '5.0', ' 5', '-1', '9223372036854775808', '99999999999999999999', 'NaN', 'Infinity', 'TRUE', '',
  '%', '%E0%A4%A', '\u0000', '\u0007', 'true', 'null', '[', '{"a":', '["1",', '[1,2]', '{"__proto__":{"x":1}}',
  '['.repeat(200) + ']'.repeat(200), 'x'.repeat(70_000), '😀'.repeat(50), '%ED%A0%80', '<script>', "' OR 1=1 --",
];

describe(`mock fuzzing, seed ${SEED}`, () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTestMock();
  });
  afterAll(() => mock.close());

  it('answers every request in the vendor shape and keeps serving', async () => {
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const stats = { requests: 0, ok: 0, refused: 0, notFound: 0, other: [] as string[] };

    const send = async (path: string, body: Uint8Array<ArrayBuffer> | string, unknownAction = false) => {
      const headers = random() < 0.1 ? { ...sign(), 'Content-Type': pick(['application/json', 'text/plain', '', 'application/x-www-form-urlencoded;charset=gbk']) } : sign();
      const { status, text } = await postBytes(mock, path, body, headers);
      stats.requests++;
      const shaped = isVendorShaped(text);
      if (unknownAction && status === 404 && shaped) stats.notFound++;
      else if (status === 200 && shaped) JSON.parse(text).code === 200 ? stats.ok++ : stats.refused++;
      else if (stats.other.length < 5) stats.other.push(`${path} HTTP ${status} ${text.slice(0, 120)} <- ${JSON.stringify(typeof body === 'string' ? body.slice(0, 80) : Buffer.from(body).toString('latin1').slice(0, 80))}`);
      else stats.other.push('...');
    };

    for (const op of operations) {
      for (let i = 0; i < PER_OPERATION / 2; i++) {
        const bytes = Uint8Array.from({ length: Math.floor(random() * 300) }, () => (random() < 0.5 ? pick(TRICKY) : Math.floor(random() * 256)));
        await send(op.path, bytes);
      }
      const names = Object.keys(op.request.properties ?? {});
      for (let i = 0; i < PER_OPERATION / 2; i++) {
        const valid = toForm(sampleBody(op.path, { full: random() < 0.5 }));
        const field = names.length ? pick(names) : 'extra';
        const value = pick(WRONG_VALUES);
        const raw = random() < 0.5 ? encodeURIComponent(value) : value.replaceAll('&', '%26'); // sometimes unescaped
        const wrong = [`${field}=${raw}`, `${valid}&${field}=${raw}`, `${field}=${raw}&${valid}`, `${valid}&${pick(['', '=', '&&', '%', 'a=b=c', '%00=1'])}`][i % 4]!;
        await send(op.path, wrong);
      }
    }
    for (let i = 0; i < 20; i++) {
      const path = `/${pick(['qchat', 'chatroom', 'nim', '%2e%2e', ''])}/${Math.floor(random() * 1e6).toString(36)}.action`;
      await send(path, 'accid=zhangsan', true);
    }

    const health = await fetch(`${mock.url}/health`);
    console.log(
      `mock fuzz (seed ${SEED}): ${stats.requests} requests over ${operations.length} operations - ${stats.ok} code 200, ` +
        `${stats.refused} refused in the vendor shape, ${stats.notFound} documented 404s, ${stats.other.length} non-vendor answers, ` +
        `mock ${health.ok ? 'still serving' : 'DOWN'}`,
    );
    expect(stats.other).toEqual([]);
    expect(health.status).toBe(200);
    expect(stats.requests).toBe(operations.length * PER_OPERATION + 20);
  });
});
