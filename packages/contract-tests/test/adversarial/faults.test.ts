// Suite 3 - fault injection against the client: a loopback server resets connections, never answers, answers
// slowly, sends proxy error pages, truncated or empty bodies, the vendor's transient codes, ids above 2^53.
// Each fault ends in the outcome the client's README documents (a typed error, or success after its retries) within
// bounded attempts, each attempt carrying the call's one RequestId and a fresh Nonce and CheckSum, with no unhandled
// rejection and no id altered. Delays are shrunk through the client's own retry options (support/faults.ts).
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createNimClient,
  NimApiError,
  NimTimeoutError,
  NimTransportError,
  type ErrorEvent,
  type RequestEvent,
  type ResponseEvent,
} from '@nimkit/client';
import { sampleRequest } from '@nimkit/spec-lib';
import { answerWithBigIds, valueAt } from '../support/big-ids.js';
import { eventually, useFaultServer } from '../support/fault-server.js';
import { BIG_ID, CALL_BODY, FAST_RETRY, OK_ANSWER, scenarios, SENT_BODY, type Scenario } from '../support/faults.js';
import { operations, spec } from '../support/spec.js';

const appKey = 'faults-app-key';
const appSecret = 'faults-app-secret';
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

const faults = useFaultServer();
const totals = { calls: 0, attempts: 0, typedErrors: 0, recovered: 0, checkSums: 0, idsChecked: 0, idsAltered: 0 };

afterAll(() => {
  console.log(
    `faults: ${scenarios.length} fault scenarios, ${totals.calls} calls, ${totals.attempts} attempts: every outcome as documented ` +
      `(${totals.typedErrors} typed errors, ${totals.recovered} recovered by retries), 1 RequestId per call, ${totals.checkSums} fresh CheckSums; ` +
      `${totals.idsChecked} ids above 2^53 across ${operations.length} operations, ${totals.idsAltered} altered; ${faults.unhandled.length} unhandled rejections`,
  );
});

function client(s: Pick<Scenario, 'retry' | 'timeoutMs' | 'refused'>, events: { request: RequestEvent[]; response: ResponseEvent[]; error: ErrorEvent[] }) {
  return createNimClient({
    appKey,
    appSecret,
    baseUrl: s.refused ? faults.refusedUrl : faults.server.url,
    retry: { ...FAST_RETRY, ...s.retry },
    timeoutMs: s.timeoutMs ?? 10_000,
    hooks: {
      onRequest: (e) => events.request.push(e),
      onResponse: (e) => events.response.push(e),
      onError: (e) => events.error.push(e),
    },
  });
}

describe.each(scenarios)('$name', (s) => {
  const e = s.expected;
  const outcome = e.outcome === 'ok' ? 'succeeds' : `rejects with ${e.outcome}${'code' in e ? ` ${e.code}` : ''}${'status' in e && e.status ? ` (HTTP ${e.status})` : ''}`;

  it(`${outcome} after ${e.attempts} attempt(s), one RequestId, fresh CheckSums, ids exact`, async () => {
    faults.server.use((req, res, n) => s.serve(req, res, n, ''));
    const events = { request: [] as RequestEvent[], response: [] as ResponseEvent[], error: [] as ErrorEvent[] };
    const result = await client(s, events)
      .qchat.getServers(CALL_BODY)
      .then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      );
    totals.calls++;
    totals.attempts += events.request.length;

    // The documented outcome.
    if (e.outcome === 'ok') {
      expect(result.error).toBeUndefined();
      expect(result.value!.serverInfos![0]!.serverId).toBe(BIG_ID);
      if (e.attempts > 1) totals.recovered++;
    } else {
      const error = result.error as NimTransportError & NimApiError;
      const cls = { NimApiError, NimTransportError, NimTimeoutError }[e.outcome];
      expect(error).toBeInstanceOf(cls);
      if (e.outcome === 'NimTransportError') expect(error).not.toBeInstanceOf(NimTimeoutError);
      if ('status' in e) expect(error.status).toBe(e.status);
      if ('code' in e) expect(error.code).toBe(e.code);
      if (e.outcome === 'NimApiError') {
        if (e.hint) expect(error.hint).toMatch(e.hint);
        else expect(error.hint === undefined || !/earlier attempt/.test(error.hint)).toBe(true);
      }
      expect(error.attempts).toBe(e.attempts);
      expect(error.operationId).toBe('qchatGetServers');
      totals.typedErrors++;
    }

    // Bounded attempts, seen by the hooks and (when something listens) by the server.
    expect(events.request.map((r) => r.attempt)).toEqual(Array.from({ length: e.attempts }, (_, i) => i + 1));
    expect(events.error.length).toBe(e.outcome === 'ok' ? e.attempts - 1 : e.attempts);
    expect(events.error.map((x) => x.willRetry)).toEqual(events.error.map((_, i) => i < e.attempts - 1));
    const requestIds = new Set(events.request.map((r) => r.requestId));
    expect(requestIds.size).toBe(1);
    if (result.error) expect((result.error as NimApiError).requestId).toBe(events.request[0]!.requestId);
    const nonces = events.request.map((r) => r.headers['Nonce']);
    expect(new Set(nonces).size).toBe(e.attempts);

    if (!s.refused) {
      expect(faults.server.received.length).toBe(e.attempts);
      expect(new Set(faults.server.received.map((r) => r.headers['requestid']))).toEqual(requestIds);
      const sums = faults.server.received.map((r) => String(r.headers['checksum']));
      expect(new Set(sums).size).toBe(e.attempts);
      for (const r of faults.server.received) {
        expect(r.headers['checksum']).toBe(sha1(appSecret + String(r.headers['nonce']) + String(r.headers['curtime'])));
        expect(r.body).toBe(SENT_BODY); // the request id above 2^53, exactly
      }
      totals.checkSums += sums.length;
      if (e.outcome === 'NimTimeoutError') {
        // A timed-out attempt is cancelled: the server sees the client hang up on every one.
        expect(await eventually(() => faults.server.abandoned >= e.attempts)).toBe(true);
      }
    }
    if ('code' in e && e.code === 416 && e.attempts > 1) {
      // The wait after a 416 is the rate-limit window, not the short backoff.
      const gaps = faults.server.received.slice(1).map((r, i) => r.at - faults.server.received[i]!.at);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(FAST_RETRY.rateLimitDelayMs! - 1);
    }
  });
});

describe('failover and cancellation', () => {
  it('a refused primary fails over to the backup host, and the next call starts there', async () => {
    faults.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(OK_ANSWER));
    const events = { request: [] as RequestEvent[], response: [] as ResponseEvent[], error: [] as ErrorEvent[] };
    const nim = createNimClient({
      appKey,
      appSecret,
      baseUrl: [faults.refusedUrl, faults.server.url],
      retry: FAST_RETRY,
      hooks: { onRequest: (e) => events.request.push(e), onError: (e) => events.error.push(e) },
    });
    const first = await nim.qchat.getServers(CALL_BODY);
    const second = await nim.qchat.getServers(CALL_BODY);
    totals.calls += 2;
    totals.attempts += events.request.length;
    totals.recovered++;
    expect([first.serverInfos![0]!.serverId, second.serverInfos![0]!.serverId]).toEqual([BIG_ID, BIG_ID]);
    expect(events.request.map((r) => r.url.startsWith(faults.server.url))).toEqual([false, true, true]);
    expect(events.error.map((x) => x.error)).toEqual([expect.any(NimTransportError)]);
    expect(faults.server.received.length).toBe(2);
  });

  it("a caller's abort during the wait after a 416 rejects at once with the signal's reason", async () => {
    faults.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code":416,"desc":"frequency limit"}'));
    const controller = new AbortController();
    const nim = createNimClient({
      appKey,
      appSecret,
      baseUrl: faults.server.url,
      retry: { ...FAST_RETRY, rateLimitDelayMs: 60_000 },
      hooks: { onError: () => setTimeout(() => controller.abort(new Error('caller gave up')), 20) },
    });
    const started = performance.now();
    const error = await nim.qchat.getServers(CALL_BODY, { signal: controller.signal }).catch((e: unknown) => e);
    totals.calls++;
    totals.attempts++;
    expect(error).toEqual(new Error('caller gave up'));
    expect(faults.server.received.length).toBe(1);
    // Far less than the 60 s block window it was waiting out.
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('ids above 2^53 in every operation', () => {
  it.each(operations)('$operationId: every nim-id of the success body arrives as its exact decimal string', async ({ operationId, op }) => {
    const { text, ids } = answerWithBigIds(spec, op);
    faults.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(text));
    const nim = createNimClient({ appKey, appSecret, baseUrl: faults.server.url, retry: false });
    const body = await (nim.call as (id: string, body: unknown) => Promise<unknown>)(operationId, sampleRequest(spec, op));
    totals.calls++;
    totals.attempts++;
    const altered = ids.filter(({ at, id }) => valueAt(body, at) !== id);
    totals.idsChecked += ids.length;
    totals.idsAltered += altered.length;
    expect(altered.map(({ at, id }) => `${at.join('.')}: sent ${id}, got ${String(valueAt(body, at))}`)).toEqual([]);
  });
});

describe('ids among hostile JSON', () => {
  it('ids after escaped quotes and backslashes, digits inside strings, negative, fractional and exponent numbers', async () => {
    // Strings that look like the end of a string or like a big number: a lossless parser must not be fooled.
    const info = {
      name: 'say "9223372036854775807" \\',
      icon: '\\',
      custom: '{"serverId":9223372036854775806}',
      owner: '\\"zhangsan\\"',
      memberNumber: -12,
      createTime: 1.5e3,
      updateTime: -0.25,
    };
    const body = { code: 200, serverInfos: [{ ...info, serverId: '@id@' }, { serverId: '@id2@', name: '\u2028' }] };
    const nim = createNimClient({ appKey, appSecret, baseUrl: faults.server.url, retry: false });
    // Compact, and pretty-printed with whitespace and newlines around every token.
    for (const indent of [0, 2]) {
      const text = JSON.stringify(body, null, indent).replace('"@id@"', BIG_ID).replace('"@id2@"', '-9007199254740993');
      faults.server.use((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(text));
      const { serverInfos } = await nim.qchat.getServers(CALL_BODY);
      totals.calls++;
      totals.attempts++;
      totals.idsChecked += 2;
      // memberNumber is a 64-bit count (x-nim-int64): exact string, like the ids.
      expect(serverInfos).toEqual([{ ...info, memberNumber: '-12', serverId: BIG_ID }, { serverId: '-9007199254740993', name: '\u2028' }]);
    }
  });
});

it('no unhandled rejection during the suite', async () => {
  // Late settlements (timers of abandoned attempts) have had time to fire.
  await new Promise((r) => setTimeout(r, 100));
  expect(faults.unhandled).toEqual([]);
});
