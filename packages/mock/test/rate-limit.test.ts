// Opt-in frequency control: more than `limit` calls per window for one (AppKey, operation) answers code 416 and blocks
// that pair for `blockMs`. The mock's clock is injected, so windows and blocks are exact and the tests are fast.
import { afterEach, describe, expect, it } from 'vitest';
import { VENDOR_RATE_LIMIT, type RateLimitOptions, type RunningMock } from '../src/index.js';
import { postRaw, sign, startTestMock } from './support/mock.js';

const START = 1_700_000_000_000;
let clock = START;
let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function limited(rateLimit: boolean | RateLimitOptions, options: { auth?: boolean } = {}) {
  clock = START;
  mock = await startTestMock({ rateLimit, now: () => clock, ...options });
  return mock;
}

const create = (m: RunningMock, headers: Record<string, string> = sign({ atMs: clock })) => postRaw(m, '/qchat/createServer.action', 'accid=zhangsan', headers);
const remove = (m: RunningMock) => postRaw(m, '/qchat/removeServer.action', 'accid=zhangsan&serverId=1', sign({ atMs: clock }));

describe('rate limit', () => {
  it("is off by default: the mock never answers 416 on its own", async () => {
    mock = await startTestMock({ now: () => clock });
    for (let i = 0; i < 150; i++) expect((await create(mock)).json.code).toBe(200);
  });

  it("the vendor's numbers by default: the 101st call within a second gets 416, blocked for 10 s", async () => {
    expect(VENDOR_RATE_LIMIT).toEqual({ limit: 100, windowMs: 1000, blockMs: 10_000 });
    const m = await limited(true);
    for (let i = 0; i < 100; i++) expect((await create(m)).json.code, `call ${i + 1}`).toBe(200);
    const over = await create(m);
    expect(over.status).toBe(200);
    expect(over.json).toEqual({ code: 416, desc: 'frequency limit' });
    clock += 9_999;
    expect((await create(m)).json.code).toBe(416);
    clock += 1;
    expect((await create(m)).json.code).toBe(200);
  });

  it('counts per operation: another operation of the same AppKey is not blocked', async () => {
    const m = await limited({ limit: 3, windowMs: 1000, blockMs: 5000 });
    for (let i = 0; i < 3; i++) expect((await create(m)).json.code).toBe(200);
    expect((await create(m)).json.code).toBe(416);
    expect((await remove(m)).json.code).toBe(200);
  });

  it('counts per AppKey: another AppKey calling the same operation is not blocked', async () => {
    const m = await limited({ limit: 2, windowMs: 1000, blockMs: 5000 }, { auth: false });
    const as = (appKey: string) => create(m, { AppKey: appKey });
    expect((await as('app-a')).json.code).toBe(200);
    expect((await as('app-a')).json.code).toBe(200);
    expect((await as('app-a')).json.code).toBe(416);
    expect((await as('app-b')).json.code).toBe(200);
  });

  it('a new window starts the count again; calls refused while blocked neither count nor extend the block', async () => {
    const m = await limited({ limit: 2, windowMs: 1000, blockMs: 3000 });
    expect((await create(m)).json.code).toBe(200);
    expect((await create(m)).json.code).toBe(200);
    clock += 1000; // next window
    expect((await create(m)).json.code).toBe(200);
    expect((await create(m)).json.code).toBe(200);
    expect((await create(m)).json.code).toBe(416); // blocked until +3000 from here
    for (let i = 0; i < 5; i++) {
      clock += 500;
      expect((await create(m)).json.code).toBe(416);
    }
    clock += 500; // exactly 3000 after the block began
    expect((await create(m)).json.code).toBe(200);
  });

  it('is checked after the signature: a badly signed flood is refused with 414 and does not use up the quota', async () => {
    const m = await limited({ limit: 1, windowMs: 1000, blockMs: 5000 });
    for (let i = 0; i < 3; i++) expect((await create(m, sign({ atMs: clock, appSecret: 'wrong' }))).json.code).toBe(414);
    expect((await create(m)).json.code).toBe(200);
  });

  it('refuses a nonsense configuration', async () => {
    await expect(startTestMock({ rateLimit: { limit: 0 } })).rejects.toThrow(/rateLimit.limit must be a positive integer/);
  });
});
