// Inputs are checked before anything is sent (a TypeError naming the option), answers are read within bounds, ids
// stay exact or are refused, secrets are scrubbed in any case, and waiting calls share one listener per signal.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNimClient,
  createRawClient,
  NimApiError,
  NimInexactIdError,
  NimResponseTooLargeError,
  verifyCallback,
  type NimClientOptions,
} from '../src/index.js';
import { findInexactId } from '../src/json.js';
import { scrub } from '../src/redact.js';
import { json, startServer, type TestServer } from '@nimkit/test-kit';

let server: TestServer;
let answer = () => json({ code: 200, serverInfos: [] });
beforeAll(async () => {
  server = await startServer(() => answer());
});
afterAll(() => server.close());

const appSecret = 'inputs-secret-5f0c2a';
const client = (options: Partial<NimClientOptions> = {}) => createNimClient({ appKey: 'inputs-key', appSecret, baseUrl: server.url, retry: false, ...options });
const call = (options: Partial<NimClientOptions> = {}, callOptions: Record<string, unknown> = {}) =>
  client(options).qchat.getServers({ serverIds: ['1'] }, callOptions);

const totals = { refused: 0, sent: 0, warnings: 0 };
afterAll(() => {
  console.log(`client inputs: ${totals.refused} bad options and call inputs refused with a TypeError naming them, ${totals.sent} requests sent for them; 30 calls in backoff on one signal, ${totals.warnings} warnings`);
});

/** Creating or calling throws a TypeError whose message matches. */
function refusedSync(create: () => unknown, message: RegExp) {
  expect(create).toThrow(TypeError);
  expect(create).toThrow(message);
  totals.refused++;
}

/** The promise rejects with a TypeError whose message matches, and nothing reached the server. */
async function refusedUpFront(promise: () => Promise<unknown>, message: RegExp) {
  totals.refused++;
  const before = server.requests.length;
  const error = await promise().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toMatch(message);
  totals.sent += server.requests.length - before;
  expect(server.requests.length).toBe(before);
}

describe('timeouts', () => {
  const bad = [2 ** 31, 2 ** 40, Infinity, NaN, 0, -1, '100'];
  it.each(bad)('timeoutMs %s per client is a TypeError', (value) => {
    refusedSync(() => client({ timeoutMs: value as number }), /^timeoutMs must be 1-2147483647 ms/);
  });
  it.each(bad)('timeoutMs %s per call is a TypeError, nothing sent', async (value) => {
    await refusedUpFront(() => call({}, { timeoutMs: value }), /^timeoutMs must be/);
  });
  it('2^31-1 is the largest accepted', async () => {
    await expect(call({ timeoutMs: 2 ** 31 - 1 })).resolves.toMatchObject({ code: 200 });
  });
  it.each(['baseDelayMs', 'maxDelayMs', 'rateLimitDelayMs'])('retry.%s of 2^31 is a TypeError (a timer would fire at once)', (key) => {
    refusedSync(() => client({ retry: { [key]: 2 ** 31 } }), new RegExp(`retry.${key} must be a number from 0 to 2147483647`));
  });
  it.each([-1, NaN, 2 ** 31])('failbackMs %s is a TypeError', (value) => {
    refusedSync(() => client({ failbackMs: value }), /^failbackMs must be/);
  });
});

describe('header values', () => {
  it.each(['key\r\nX-Injected: 1', 'key\n', 'key\u0000', ' key', 'key ', 'ключ'])('appKey %j is a TypeError naming appKey', (appKey) => {
    refusedSync(() => client({ appKey }), /^appKey must be a valid HTTP header value/);
  });
  it('an extra header with CR/LF or a bad name is a TypeError, per client and per call', async () => {
    refusedSync(() => client({ headers: { Prefer: 'example=ok\r\nX-Evil: 1' } }), /^header Prefer must be a valid HTTP header value/);
    refusedSync(() => client({ headers: { 'Bad Name': 'x' } }), /is not an HTTP token/);
    await refusedUpFront(() => call({}, { headers: { Prefer: 'a\nb' } }), /^header Prefer must be/);
  });
  it.each(['id\r\n', '', 'a\u0007b', '\u4e2d', 'r'.repeat(257)])('requestId %j is a TypeError, nothing sent', async (requestId) => {
    await refusedUpFront(() => call({}, { requestId }), /^requestId must/);
  });
  it('a refused header never marks the host as failed', async () => {
    const nim = client({ baseUrl: [server.url, 'http://127.0.0.1:9/nimserver'] });
    await expect(nim.qchat.getServers({ serverIds: ['1'] }, { requestId: 'bad\r\n' })).rejects.toThrow(TypeError);
    const before = server.requests.length;
    await nim.qchat.getServers({ serverIds: ['1'] });
    expect(server.requests.length).toBe(before + 1); // still the primary
  });
});

describe('nonce()', () => {
  it.each([
    ['129 characters', () => 'n'.repeat(129), /nonce\(\) output must be a valid HTTP header value .*1-128 characters/],
    ['empty', () => '', /nonce\(\) output must be a valid HTTP header value .*1-128 characters/],
    ['CR/LF', () => 'abc\r\n', /nonce\(\) output must be a valid HTTP header value/],
    ['not a string', () => 42 as unknown as string, /nonce\(\) output must be a valid HTTP header value/],
  ])('%s is a TypeError on the attempt, nothing sent', async (_, nonce, message) => {
    await refusedUpFront(() => call({ nonce }), message);
  });
  it('128 characters are sent', async () => {
    await call({ nonce: () => 'n'.repeat(128) });
    expect(server.requests.at(-1)!.headers['nonce']).toBe('n'.repeat(128));
  });
  it('the raw client checks it too', async () => {
    const raw = createRawClient({ appKey: 'k', appSecret, baseUrl: server.url, nonce: () => 'x'.repeat(200) });
    await expect(raw.POST('/qchat/getServers.action', { body: { serverIds: '["1"]' } as never })).rejects.toThrow(/nonce\(\) output must be a valid HTTP header value .*1-128/);
  });
});

describe('verifyCallback maxSkewSeconds', () => {
  const input = { headers: { MD5: 'x', CheckSum: 'y', CurTime: '1' }, rawBody: '', appSecret: 's' };
  it.each([-1, NaN, -Infinity, '300'])('%s is a TypeError (it used to turn the check off)', (maxSkewSeconds) => {
    refusedSync(() => verifyCallback({ ...input, maxSkewSeconds: maxSkewSeconds as number }), /^maxSkewSeconds must be a number >= 0/);
  });
  it('0 still turns the check off on purpose', () => {
    expect(verifyCallback({ ...input, maxSkewSeconds: 0 })).toEqual({ ok: false, reason: 'md5-mismatch' });
  });
});

describe('maxResponseBytes', () => {
  it.each([0, -1, 1.5, NaN])('%s is a TypeError', (value) => {
    refusedSync(() => client({ maxResponseBytes: value }), /^maxResponseBytes must be a positive integer/);
  });
  it('a larger answer is a NimResponseTooLargeError, not retried', async () => {
    answer = () => json({ code: 200, serverInfos: [{ name: 'x'.repeat(5_000) }] });
    const error = await call({ maxResponseBytes: 1_000, retry: { maxAttempts: 3, baseDelayMs: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 1_000, attempts: 1, status: 200 });
    answer = () => json({ code: 200, serverInfos: [] });
  });
});

describe('ids stay exact or are refused', () => {
  const ids = [['serverInfos', '*', 'serverId']] as const;
  it.each(['1.5', '1e3', '1E3', '1e400', '-0.0', '12345678901234567890.0'])('%s at an id path is found', (literal) => {
    expect(findInexactId(`{"code":200,"serverInfos":[{"name":"a.5e1","serverId":1},{"serverId":${literal},"x":1.5}]}`, ids)).toBe('serverInfos[1].serverId');
  });
  it('fractions elsewhere are not ids', () => {
    expect(findInexactId('{"code":200,"ratio":1.5,"serverInfos":[{"serverId":7,"score":2e3,"n":{"serverId":1.5}}]}', ids)).toBeUndefined();
  });
  it('a call whose success body has one is a NimInexactIdError naming the field', async () => {
    answer = () => ({ body: '{"code":200,"serverInfos":[{"serverId":1e3}]}' });
    await expect(call()).rejects.toMatchObject({ name: 'NimInexactIdError', field: 'serverInfos[0].serverId', status: 200 });
    await expect(call()).rejects.toBeInstanceOf(NimInexactIdError);
    answer = () => json({ code: 200, serverInfos: [] });
  });
});

describe('secrets in any letter case', () => {
  it('scrub replaces upper-case, lower-case and mixed-case forms', () => {
    expect(scrub('sum ABCDEF0123 and abcdef0123 and AbCdEf0123', ['abcdef0123'])).toBe('sum [redacted] and [redacted] and [redacted]');
    expect(scrub('a.b*c A.B*C', ['a.b*c'])).toBe('[redacted] [redacted]');
  });
  it('an upper-case CheckSum or AppSecret echoed in a desc is scrubbed', async () => {
    // A fixed nonce and clock make the CheckSum known in advance.
    const sum = createHash('sha1').update(`${appSecret}fixed1700000000`).digest('hex');
    answer = () => ({ body: JSON.stringify({ code: 414, desc: `bad ${sum.toUpperCase()} for ${appSecret.toUpperCase()}` }) });
    const error = (await call({ nonce: () => 'fixed', now: () => 1_700_000_000_000 }).catch((e: unknown) => e)) as NimApiError;
    answer = () => json({ code: 200, serverInfos: [] });
    expect(server.requests.at(-1)!.headers['checksum']).toBe(sum);
    expect(error).toBeInstanceOf(NimApiError);
    expect(error.desc).toBe('bad [redacted] for [redacted]');
    expect(error.message.toLowerCase()).not.toContain(sum);
  });
});

describe('listeners and timers', () => {
  it('30 calls in backoff on one AbortSignal: no MaxListenersExceededWarning, every wait ends on abort', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    answer = () => json({ code: 500, desc: 'busy' });
    const controller = new AbortController();
    const nim = client({ retry: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const calls = Array.from({ length: 30 }, () => nim.qchat.getServers({ serverIds: ['1'] }, { signal: controller.signal }).catch((e: unknown) => e));
    while (server.requests.filter((r) => r.url.endsWith('getServers.action')).length < 30) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('stop'));
    const outcomes = await Promise.all(calls);
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    answer = () => json({ code: 200, serverInfos: [] });
    expect(outcomes.every((e) => (e as Error).message === 'stop')).toBe(true);
    totals.warnings = warnings.length;
    expect(warnings.map((w) => w.name)).toEqual([]);
  });
});
