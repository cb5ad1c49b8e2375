// The client against the project's real mock (Prism inside), which checks signatures and bodies like the vendor:
// typed success bodies, the mock's refusals as typed errors, named examples, dynamic bodies and the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, createRawClient, NimApiError, NimTransportError, type OperationId } from '@nimkit/client';
import { deref, okMedia, operationsByPath, sampleRequest } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from './support/mock.js';
import { spec } from './support/spec.js';

let mock: Mock;
let mockClock = Date.now();
beforeAll(async () => {
  mock = await startTestMock({ now: () => mockClock });
});
afterAll(() => mock.close());

const nim = (options: Partial<Parameters<typeof createNimClient>[0]> = {}) =>
  createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, retry: false, ...options });

describe('calls against the mock', () => {
  it('QChat and chatroom operations return their typed success bodies, ids as strings', async () => {
    mockClock = Date.now();
    const client = nim();
    const { serverInfo } = await client.qchat.createServer({ accid: 'zhangsan', name: 'My server' });
    expect(serverInfo.serverId).toMatch(/^\d+$/);
    const { serverInfos } = await client.qchat.getServers({ serverIds: [serverInfo.serverId] });
    for (const s of serverInfos) expect(typeof s.serverId).toBe('string');
    const sent = await client.chatroom.sendMsg({ roomid: '6001', msgId: 'c1', fromAccid: 'zhangsan', msgType: 0, attach: 'hello' });
    expect(sent.code).toBe(200);
    const { chatroom } = await client.chatroom.get({ roomid: '6001' });
    expect(typeof chatroom.roomid).toBe('string');
  });

  it('a wrong AppSecret is a 414 whose hint names the secret', async () => {
    mockClock = Date.now();
    const error = (await nim({ appSecret: 'not-the-secret' }).qchat.getServers({ serverIds: ['1'] }).catch((e: unknown) => e)) as NimApiError;
    expect(error).toBeInstanceOf(NimApiError);
    expect(error.code).toBe(414);
    expect(error.hint).toMatch(/appSecret/);
  });

  it('a clock 10 minutes off is a 414 whose hint names the clock; clockOffsetMs repairs it', async () => {
    const real = Date.now();
    mockClock = real;
    const skewed = () => real - 10 * 60_000;
    const error = (await nim({ now: skewed }).qchat.getServers({ serverIds: ['1'] }).catch((e: unknown) => e)) as NimApiError;
    expect(error).toBeInstanceOf(NimApiError);
    expect(error.code).toBe(414);
    expect(error.hint).toMatch(/clock/);
    await expect(nim({ now: skewed, clockOffsetMs: 10 * 60_000 }).qchat.getServers({ serverIds: ['1'] })).resolves.toMatchObject({ code: 200 });
  });

  it('a call 6 minutes after the previous one is still accepted (signed afresh, not reusing CurTime)', async () => {
    let clock = Date.now();
    mockClock = clock;
    const client = nim({ now: () => clock });
    await expect(client.qchat.getServers({ serverIds: ['1'] })).resolves.toMatchObject({ code: 200 });
    clock += 6 * 60_000;
    mockClock = clock;
    await expect(client.qchat.getServers({ serverIds: ['1'] })).resolves.toMatchObject({ code: 200 });
  });

  it('the raw openapi-fetch client is signed and keeps ids exact', async () => {
    mockClock = Date.now();
    const raw = createRawClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url });
    const { data, response } = await raw.POST('/qchat/getServers.action', { body: { serverIds: ['1'] } });
    expect(response.status).toBe(200);
    expect(data?.code).toBe(200);
    if (data && 'serverInfos' in data) for (const s of data.serverInfos) expect(typeof s.serverId).toBe('string');
    const bad = createRawClient({ appKey: APP_KEY, appSecret: 'wrong-secret', baseUrl: mock.url });
    const denied = await bad.POST('/qchat/getServers.action', { body: { serverIds: ['1'] } });
    expect(denied.data).toMatchObject({ code: 414 });
  });
});

describe('rate limiting', () => {
  it('a 416 is retried after the block window and then succeeds', async () => {
    const limited = await startTestMock({ rateLimit: { limit: 1, windowMs: 200, blockMs: 300 } });
    try {
      const client = createNimClient({
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        baseUrl: limited.url,
        retry: { rateLimitDelayMs: 450, maxAttempts: 2 },
      });
      await client.qchat.getServers({ serverIds: ['1'] });
      const errors: number[] = [];
      const result = await createNimClient({
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        baseUrl: limited.url,
        retry: { rateLimitDelayMs: 450, maxAttempts: 2 },
        hooks: { onError: (e) => errors.push((e.error as NimApiError).code) },
      }).qchat.getServers({ serverIds: ['1'] });
      expect(errors[0]).toBe(416);
      expect(result.code).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("the mock's refusals arrive as typed errors", () => {
  it('a wrong AppSecret and a clock 10 minutes off are NimApiError 414 with the vendor desc', async () => {
    const T = Date.now();
    mockClock = T;
    for (const [client, desc] of [
      [nim({ appSecret: 'nope', now: () => T }), 'check checksum error'],
      [nim({ now: () => T - 600_000 }), 'CurTime is expired'],
    ] as const) {
      const error = await client.qchat.createServer({ accid: 'zhangsan' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimApiError);
      expect((error as NimApiError).code).toBe(414);
      expect((error as NimApiError).desc).toBe(desc);
    }
  });

  it('a base URL without /nimserver is a transport failure with the HTTP status, not the vendor code 404', async () => {
    const error = await nim({ baseUrl: mock.url.replace('/nimserver', '/elsewhere') }).qchat.createServer({ accid: 'zhangsan' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimTransportError);
    expect((error as NimTransportError).status).toBe(404);
  });
});

describe('named examples through the client', () => {
  const operations = [...operationsByPath(spec).values()];
  const exampleDesc = (path: string, name: string) => deref(spec, okMedia(spec.paths[path].post)!.examples[name]).value.desc;

  it('every error example of every operation arrives as NimApiError with its code and desc', async () => {
    mockClock = Date.now();
    let checked = 0;
    const client = nim();
    for (const op of operations) {
      for (const { name, code } of op.examples.filter((e) => e.code !== 200)) {
        const options = { headers: { Prefer: `example=${name}` } };
        const error = await client.call(op.operationId as OperationId, sampleRequest(spec, op.op) as never, options).catch((e: unknown) => e);
        expect(error, `${op.operationId} ${name}`).toBeInstanceOf(NimApiError);
        expect((error as NimApiError).code).toBe(code);
        expect((error as NimApiError).desc).toBe(exampleDesc(op.path, name));
        checked++;
      }
    }
    expect(checked).toBe(operations.reduce((n, o) => n + o.examples.filter((e) => e.code !== 200).length, 0));
  });

  it('a facade call picks an example with its headers option', async () => {
    mockClock = Date.now();
    const error = await nim().qchat.createServer({ accid: 'zhangsan' }, { headers: { Prefer: 'example=noPermission' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimApiError);
    expect((error as NimApiError).code).toBe(403);
  });
});

describe('dynamic bodies through the client', () => {
  it('every generated body is accepted as a success and its ids arrive as decimal strings', async () => {
    const dynamic = await startTestMock({ dynamic: true, seed: 'client' });
    try {
      const client = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: dynamic.url, retry: false });
      for (const op of operationsByPath(spec).values()) {
        const result = await client.call(op.operationId as OperationId, sampleRequest(spec, op.op) as never);
        expect(result.code, op.operationId).toBe(200);
      }
      const { serverInfos } = await client.qchat.getServers({ serverIds: ['1'] });
      for (const s of serverInfos) expect(s.serverId).toMatch(/^[1-9][0-9]*$/);
    } finally {
      await dynamic.close();
    }
  });
});

describe('the rate limit through the client', () => {
  it('NimApiError 416 without retries, and a client that backs off gets through', async () => {
    let clock = 1_700_000_000_000;
    const limited = await startTestMock({ rateLimit: { limit: 2, windowMs: 1000, blockMs: 10_000 }, now: () => clock });
    try {
      const noRetry = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: limited.url, retry: false, now: () => clock });
      await noRetry.qchat.createServer({ accid: 'zhangsan' });
      await noRetry.qchat.createServer({ accid: 'zhangsan' });
      const error = await noRetry.qchat.createServer({ accid: 'zhangsan' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NimApiError);
      expect((error as NimApiError).code).toBe(416);

      // A client that waits out the block: while it sleeps (10 ms here), the mock's clock moves past the 10 s block.
      const seen: number[] = [];
      const patient = createNimClient({
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        baseUrl: limited.url,
        now: () => clock,
        retry: { maxAttempts: 2, rateLimitDelayMs: 10 },
        hooks: {
          onResponse: ({ code }: { code: number | undefined }) => {
            seen.push(code ?? -1);
            if (code === 416) clock += 10_000;
          },
        },
      });
      const { code } = await patient.qchat.createServer({ accid: 'zhangsan' });
      expect(code).toBe(200);
      expect(seen).toEqual([416, 200]);
    } finally {
      await limited.close();
    }
  });
});
