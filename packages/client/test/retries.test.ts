// Retries, failover, timeouts and aborts over real loopback servers.
import { afterEach, describe, expect, it } from 'vitest';
import { createNimClient, NimApiError, NimTimeoutError, NimTransportError, type NimClientOptions } from '../src/index.js';
import { closedPortUrl, json, startServer, type Answer, type TestServer } from '@nimkit/test-kit';

const open: TestServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(script: (i: number) => Answer) {
  const s = await startServer((_, i) => script(i));
  open.push(s);
  return s;
}

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
const client = (baseUrl: string | string[], options: Partial<NimClientOptions> = {}) =>
  createNimClient({ appKey: 'retry-key', appSecret: 'retry-test-secret-0123456789', baseUrl, ...options });
const getServers = (c: ReturnType<typeof client>, options = {}) => c.qchat.getServers({ serverIds: ['1'] }, options);

describe('retried', () => {
  it.each([502, 503, 504])('HTTP %i, then success', async (status) => {
    const s = await serve((i) => (i === 0 ? { status, body: 'Bad Gateway', contentType: 'text/plain' } : json({ code: 200, serverInfos: [] })));
    await expect(getServers(client(s.url, { retry: fast }))).resolves.toEqual({ code: 200, serverInfos: [] });
    expect(s.requests).toHaveLength(2);
  });

  it.each([500, 503, 514])('body code %i, then success', async (code) => {
    const s = await serve((i) => (i === 0 ? json({ code, desc: 'transient' }) : json({ code: 200 })));
    await expect(getServers(client(s.url, { retry: fast }))).resolves.toEqual({ code: 200 });
    expect(s.requests).toHaveLength(2);
  });

  it('code 416 after the rate-limit wait (configurable), not before', async () => {
    const s = await serve((i) => (i === 0 ? json({ code: 416, desc: 'api freq control' }) : json({ code: 200 })));
    const started = Date.now();
    await getServers(client(s.url, { retry: { ...fast, rateLimitDelayMs: 300 } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(s.requests).toHaveLength(2);
  });

  it('code 416: maxRateLimitWaitMs bounds the wait', async () => {
    const s = await serve((i) => (i === 0 ? json({ code: 416, desc: 'api freq control' }) : json({ code: 200 })));
    const delays: (number | undefined)[] = [];
    const c = client(s.url, { retry: { rateLimitDelayMs: 60_000, maxRateLimitWaitMs: 20 }, hooks: { onError: (e) => delays.push(e.delayMs) } });
    await expect(getServers(c)).resolves.toEqual({ code: 200 });
    expect(delays).toEqual([20]);
    expect(s.requests).toHaveLength(2);
  });

  it('retry: false fails a 416 at once (the way to test the rate-limit path)', async () => {
    const s = await serve(() => json({ code: 416, desc: 'api freq control' }));
    await expect(getServers(client(s.url, { retry: false }))).rejects.toMatchObject({ code: 416, attempts: 1 });
    expect(s.requests).toHaveLength(1);
  });

  it('code 416 is not retried when retryOnRateLimit is false', async () => {
    const s = await serve(() => json({ code: 416, desc: 'api freq control' }));
    const error = await getServers(client(s.url, { retry: { ...fast, retryOnRateLimit: false } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimApiError);
    expect((error as NimApiError).code).toBe(416);
    expect((error as NimApiError).hint).toMatch(/10 s/);
    expect(s.requests).toHaveLength(1);
  });

  it('stops after maxAttempts and throws the last failure with the attempt count', async () => {
    const s = await serve(() => json({ code: 514, desc: 'unavailable' }));
    const error = (await getServers(client(s.url, { retry: { ...fast, maxAttempts: 4 } })).catch((e: unknown) => e)) as NimApiError;
    expect(error).toBeInstanceOf(NimApiError);
    expect(error.attempts).toBe(4);
    expect(s.requests).toHaveLength(4);
  });

  it('per-call retry overrides the client policy', async () => {
    const s = await serve(() => json({ code: 503, desc: 'busy' }));
    await expect(getServers(client(s.url, { retry: fast }), { retry: false })).rejects.toBeInstanceOf(NimApiError);
    expect(s.requests).toHaveLength(1);
  });
});

describe('never retried', () => {
  it.each([403, 404, 414, 417, 419])('body code %i fails at once as NimApiError', async (code) => {
    const s = await serve(() => json({ code, desc: 'no' }));
    const error = (await getServers(client(s.url, { retry: fast })).catch((e: unknown) => e)) as NimApiError;
    expect(error).toBeInstanceOf(NimApiError);
    expect(error.code).toBe(code);
    expect(error.desc).toBe('no');
    expect(error.operationId).toBe('qchatGetServers');
    expect(error.host).toBe(s.url);
    expect(error.requestId).toBe(s.requests[0]!.headers['requestid']);
    expect(error.meaning?.en).toEqual(expect.any(String));
    expect(error.meaning?.zh).toEqual(expect.any(String));
    expect(s.requests).toHaveLength(1);
  });

  it('HTTP 500 and other statuses outside retryStatuses fail as NimTransportError', async () => {
    const s = await serve(() => ({ status: 500, body: '<html>oops</html>', contentType: 'text/html' }));
    const error = (await getServers(client(s.url, { retry: fast })).catch((e: unknown) => e)) as NimTransportError;
    expect(error).toBeInstanceOf(NimTransportError);
    expect(error.status).toBe(500);
    expect(error.bodySnippet).toBe('<html>oops</html>');
    expect(s.requests).toHaveLength(1);
  });

  it('a 200 whose body is not the vendor JSON fails as NimTransportError', async () => {
    for (const body of ['<html>captive portal</html>', '[1,2]', '{"desc":"no code"}', '{"code":"200"}']) {
      const s = await serve(() => ({ body, contentType: 'text/html' }));
      const error = (await getServers(client(s.url, { retry: fast })).catch((e: unknown) => e)) as NimTransportError;
      expect(error).toBeInstanceOf(NimTransportError);
      expect(error).not.toBeInstanceOf(NimTimeoutError);
      expect(error.message).toMatch(/not the vendor's JSON/);
      expect(error.bodySnippet).toBe(body);
    }
  });
});

describe('network failures and failover', () => {
  it('fails over to the next host when the first refuses the connection', async () => {
    const dead = await closedPortUrl();
    const s = await serve(() => json({ code: 200 }));
    const c = client([dead, s.url], { retry: fast });
    await expect(getServers(c)).resolves.toEqual({ code: 200 });
    expect(s.requests).toHaveLength(1);
    // Later calls start on the host that works instead of paying for the dead one again.
    await getServers(c, { retry: false });
    expect(s.requests).toHaveLength(2);
  });

  it('a dropped connection is a NimTransportError with the cause, after maxAttempts', async () => {
    const s = await serve(() => ({ destroy: true }));
    const error = (await getServers(client(s.url, { retry: { ...fast, maxAttempts: 2 } })).catch((e: unknown) => e)) as NimTransportError;
    expect(error).toBeInstanceOf(NimTransportError);
    expect(error.status).toBeUndefined();
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(/no answer from/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(s.requests).toHaveLength(2);
  });

  it('network errors are not retried when retryOnNetworkError is false', async () => {
    const dead = await closedPortUrl();
    await expect(getServers(client(dead, { retry: { ...fast, retryOnNetworkError: false } }))).rejects.toBeInstanceOf(NimTransportError);
  });
});

describe('timeouts and aborts', () => {
  it('an attempt that takes longer than timeoutMs is a NimTimeoutError, not retried by default', async () => {
    const s = await serve(() => ({ hang: true }));
    const error = (await getServers(client(s.url, { timeoutMs: 150, retry: fast })).catch((e: unknown) => e)) as NimTimeoutError;
    expect(error).toBeInstanceOf(NimTimeoutError);
    expect(error).toBeInstanceOf(NimTransportError);
    expect(error.timeoutMs).toBe(150);
    expect(s.requests).toHaveLength(1);
  });

  it('with retryOnTimeout, a timed-out attempt fails over to the next host', async () => {
    const slow = await serve(() => ({ hang: true }));
    const good = await serve(() => json({ code: 200 }));
    const c = client([slow.url, good.url], { timeoutMs: 150, retry: { ...fast, retryOnTimeout: true } });
    await expect(getServers(c)).resolves.toEqual({ code: 200 });
    expect(slow.requests).toHaveLength(1);
    expect(good.requests).toHaveLength(1);
  });

  it('per-call timeoutMs overrides the client default', async () => {
    const s = await serve(() => ({ hang: true }));
    const error = (await getServers(client(s.url, { timeoutMs: 60_000 }), { timeoutMs: 100 }).catch((e: unknown) => e)) as NimTimeoutError;
    expect(error).toBeInstanceOf(NimTimeoutError);
    expect(error.timeoutMs).toBe(100);
  });

  it("the call's AbortSignal aborts the attempt in flight with the signal's reason", async () => {
    const s = await serve(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = getServers(client(s.url), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("the call's AbortSignal also ends the wait before a retry", async () => {
    const s = await serve(() => json({ code: 416, desc: 'freq' }));
    const controller = new AbortController();
    const pending = getServers(client(s.url, { retry: { rateLimitDelayMs: 60_000 } }), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort(new Error('shutdown'));
    await expect(pending).rejects.toThrow('shutdown');
    expect(s.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const s = await serve(() => json({ code: 200 }));
    await expect(getServers(client(s.url), { signal: AbortSignal.abort(new Error('before')) })).rejects.toThrow('before');
    expect(s.requests).toHaveLength(0);
  });

  it('many concurrent calls sharing one AbortSignal and one deadline raise no listener-leak warning', async () => {
    const s = await serve(() => json({ code: 200 }));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const shared = new AbortController();
      const c = client(s.url);
      await Promise.all(Array.from({ length: 60 }, () => getServers(c, { signal: shared.signal })));
      await Promise.all(Array.from({ length: 60 }, () => getServers(c)));
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
    expect(s.requests).toHaveLength(120);
  });

  it('the timeout holds even when a custom fetch ignores the signal', async () => {
    const c = client('http://127.0.0.1:9/nimserver', { timeoutMs: 100, fetch: () => new Promise<Response>(() => {}) });
    await expect(getServers(c)).rejects.toBeInstanceOf(NimTimeoutError);
  });
});
