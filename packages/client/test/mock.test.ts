// The client against the project's real mock (Prism inside), which checks signatures and bodies like the vendor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, createRawClient, NimApiError } from '../src/index.js';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from './support/mock.js';

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
