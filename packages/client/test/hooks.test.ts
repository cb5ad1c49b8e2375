// Hooks see every attempt for logging and metrics, never the AppSecret, and CheckSum only as [redacted].
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, NimApiError, type ErrorEvent, type RequestEvent, type ResponseEvent } from '../src/index.js';
import { leakedSecrets } from './support/secrets.js';
import { json, startServer, type TestServer } from '@nimkit/test-kit';

const appSecret = 'hooks-secret-5f2d9c0e7a41';
let server: TestServer;
let script: (i: number) => ReturnType<typeof json> = () => json({ code: 200 });

beforeAll(async () => {
  server = await startServer((_, i) => script(i));
});
afterAll(() => server.close());

function recorder() {
  const events: { kind: string; event: RequestEvent | ResponseEvent | ErrorEvent }[] = [];
  const hooks = {
    onRequest: (event: RequestEvent) => events.push({ kind: 'request', event }),
    onResponse: (event: ResponseEvent) => events.push({ kind: 'response', event }),
    onError: (event: ErrorEvent) => events.push({ kind: 'error', event }),
  };
  return { events, hooks };
}

describe('hooks', () => {
  it('report each attempt: request, response, and error with willRetry', async () => {
    server.requests.length = 0;
    script = (i) => (i === 0 ? json({ code: 503, desc: 'busy' }) : json({ code: 200 }));
    const { events, hooks } = recorder();
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, hooks, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    await nim.qchat.getServers({ serverIds: ['1'] });
    expect(events.map((e) => `${e.kind}#${e.event.attempt}`)).toEqual(['request#1', 'response#1', 'error#1', 'request#2', 'response#2']);
    const [request, response, error] = events.map((e) => e.event) as [RequestEvent, ResponseEvent, ErrorEvent];
    expect(request).toMatchObject({ operationId: 'qchatGetServers', method: 'POST', url: `${server.url}/qchat/getServers.action` });
    expect(request.headers['CheckSum']).toBe('[redacted]');
    expect(request.headers['AppKey']).toBe('k');
    expect(request.requestId).toBe(server.requests[0]!.headers['requestid']);
    expect(response).toMatchObject({ status: 200, code: 503 });
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(error.error).toBeInstanceOf(NimApiError);
    expect(error.willRetry).toBe(true);
    expect(error.delayMs).toBeGreaterThanOrEqual(0);
    expect(new Set(events.map((e) => e.event.requestId)).size).toBe(1);
  });

  it('never carry the AppSecret or a CheckSum that was sent, however they are printed', async () => {
    server.requests.length = 0;
    script = (i) => (i === 0 ? json({ code: 500, desc: 'oops' }) : json({ code: 414, desc: 'check checksum error' }));
    const { events, hooks } = recorder();
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, hooks, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(nim.qchat.getServers({ serverIds: ['1'] })).rejects.toBeInstanceOf(NimApiError);
    const sentCheckSums = server.requests.map((r) => String(r.headers['checksum']));
    expect(sentCheckSums).toHaveLength(2);
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const { event } of events) expect(leakedSecrets(event, [appSecret, ...sentCheckSums])).toEqual([]);
  });

  it('a hook that throws does not change the outcome', async () => {
    script = () => json({ code: 200 });
    const boom = () => {
      throw new Error('hook failed');
    };
    const nim = createNimClient({ appKey: 'k', appSecret, baseUrl: server.url, hooks: { onRequest: boom, onResponse: boom, onError: boom } });
    await expect(nim.qchat.getServers({ serverIds: ['1'] })).resolves.toEqual({ code: 200 });
  });
});
