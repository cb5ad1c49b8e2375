// No printing, serializing or inspecting of the client or of any error shows the AppSecret or a CheckSum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createNimClient, NimApiError, NimTimeoutError, NimTransportError, NimValidationError } from '../src/index.js';
import { leakedSecrets } from './support/secrets.js';
import { closedPortUrl, json, startServer, type TestServer } from '@nimkit/test-kit';

const appSecret = 'secret-4c1f0a9e2b7d6e38';
let server: TestServer;
let answer = () => json({ code: 200 });

beforeAll(async () => {
  server = await startServer(() => answer());
});
afterAll(() => server.close());

const sentCheckSums = () => server.requests.map((r) => String(r.headers['checksum']));

describe('the client', () => {
  it('prints and serializes as its AppKey and hosts only', () => {
    const nim = createNimClient({ appKey: 'my-key', appSecret, baseUrl: server.url });
    expect(leakedSecrets(nim, [appSecret])).toEqual([]);
    expect(JSON.parse(JSON.stringify(nim))).toEqual({ appKey: 'my-key', hosts: [server.url] });
    expect(String(nim)).toContain('my-key');
    expect(inspect(nim)).toContain('NimClient');
    expect(Object.prototype.toString.call(nim)).toBe('[object NimClient]');
  });
});

describe('every error', () => {
  async function failure(run: () => Promise<unknown>) {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }

  it('NimApiError, even when the vendor echoes the CheckSum or the secret in desc', async () => {
    server.requests.length = 0;
    answer = () => json({ code: 414, desc: `check checksum error: got ${String(server.requests.at(-1)?.headers['checksum'])} for ${appSecret}` });
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, retry: false });
    const error = await failure(() => nim.qchat.getServers({ serverIds: ['1'] }));
    expect(error).toBeInstanceOf(NimApiError);
    expect((error as NimApiError).desc).toContain('[redacted]');
    expect(leakedSecrets(error, [appSecret, ...sentCheckSums()])).toEqual([]);
  });

  it('NimTransportError from a network failure, including a cause thrown by a custom fetch that quotes the headers', async () => {
    server.requests.length = 0;
    const nim = createNimClient({
      appKey: 'k',
      appSecret,
      baseUrl: server.url,
      retry: false,
      fetch: (_url, init) => Promise.reject(new Error(`proxy refused ${JSON.stringify(init.headers)}`)),
    });
    const error = await failure(() => nim.qchat.getServers({ serverIds: ['1'] }));
    expect(error).toBeInstanceOf(NimTransportError);
    expect(inspect(error.cause)).toContain('[redacted]');
    expect(leakedSecrets(error, [appSecret])).toEqual([]);
    expect(inspect(error, { depth: 10 })).not.toMatch(/"CheckSum":"[0-9a-f]{40}"/);
  });

  it('NimTransportError from a refused connection and from an HTTP error page', async () => {
    const dead = createNimClient({ appKey: 'k', appSecret, baseUrl: await closedPortUrl(), retry: false });
    expect(leakedSecrets(await failure(() => dead.qchat.getServers({ serverIds: ['1'] })), [appSecret])).toEqual([]);
    server.requests.length = 0;
    answer = () => ({ status: 502, body: `bad gateway ${appSecret}` });
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, retry: false });
    const error = await failure(() => nim.qchat.getServers({ serverIds: ['1'] }));
    expect((error as NimTransportError).status).toBe(502);
    expect(leakedSecrets(error, [appSecret, ...sentCheckSums()])).toEqual([]);
  });

  it('NimTimeoutError and NimValidationError', async () => {
    const slow = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, retry: false, timeoutMs: 50, fetch: () => new Promise<Response>(() => {}) });
    const timeout = await failure(() => slow.qchat.getServers({ serverIds: ['1'] }));
    expect(timeout).toBeInstanceOf(NimTimeoutError);
    expect(leakedSecrets(timeout, [appSecret])).toEqual([]);
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url });
    const invalid = await failure(() => nim.qchat.getServers({ serverIds: [] }));
    expect(invalid).toBeInstanceOf(NimValidationError);
    expect(leakedSecrets(invalid, [appSecret])).toEqual([]);
  });

  it('serializes to a plain summary for structured logs', async () => {
    answer = () => json({ code: 404, desc: 'server not found' });
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, retry: false });
    const error = await failure(() => nim.qchat.getServers({ serverIds: ['1'] }));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'NimApiError',
      code: 404,
      desc: 'server not found',
      operationId: 'qchatGetServers',
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      host: server.url,
      attempts: 1,
      meaning: { en: 'Object not found', zh: '对象不存在' },
    });
  });
});
