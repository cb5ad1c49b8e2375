// Suite 4 - secrets: on every error path of suite 3 (plus validation errors and custom fetch functions that fail
// quoting the request headers), with a server that echoes the AppSecret and the CheckSum it received into its error
// pages, descs and cut-off bodies, neither the AppSecret nor any CheckSum sent - whole, or a 12-character piece -
// appears in an error's message, stack, cause chain, toString(), JSON.stringify or util.inspect, in the client's,
// or in any hook payload (onRequest, onResponse, onError).
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createNimClient, NimTransportError, NimValidationError, type FetchLike, type NimClient } from '@nimkit/client';
import { useFaultServer } from '../support/fault-server.js';
import { CALL_BODY, FAST_RETRY, scenarios, type Scenario } from '../support/faults.js';
import { leaks } from '../support/leaks.js';

const APP_SECRET = 'nimkit-ADVERSARIAL-secret-7c1e5a90d2b4';
const appKey = 'secrets-app-key';
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

const faults = useFaultServer();
const totals = { paths: 0, errors: 0, hookEvents: 0, checkSums: 0, leaks: 0 };

afterAll(() => {
  console.log(
    `secrets: ${totals.paths} error paths (${scenarios.length} fault scenarios x 2 echo orders, validation, 4 failing custom fetches): ` +
      `${totals.errors} errors, ${totals.hookEvents} hook payloads and every client rendered; AppSecret and ${totals.checkSums} CheckSums found ${totals.leaks} times`,
  );
});

interface Run {
  nim: NimClient;
  events: Array<Record<string, any>>;
  error: unknown;
}

async function run(options: { baseUrl?: string; retry?: Scenario['retry']; timeoutMs?: number; fetch?: FetchLike }, body: unknown = CALL_BODY): Promise<Run> {
  const events: Array<Record<string, any>> = [];
  const nim = createNimClient({
    appKey,
    appSecret: APP_SECRET,
    baseUrl: options.baseUrl ?? faults.server.url,
    retry: { ...FAST_RETRY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      onRequest: (e) => events.push(e),
      onResponse: (e) => events.push(e),
      onError: (e) => events.push(e),
    },
  });
  const error = await nim.qchat.getServers(body as typeof CALL_BODY).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { nim, events, error };
}

/** The CheckSum of every attempt, recomputed from the Nonce and CurTime the hooks saw. */
const checkSumsOf = (events: Run['events']) =>
  events.filter((e) => !('status' in e) && !('error' in e)).map((e) => sha1(APP_SECRET + e['headers']['Nonce'] + e['headers']['CurTime']));

function expectNoLeak({ nim, events, error }: Run) {
  const sums = checkSumsOf(events);
  totals.paths++;
  if (error !== undefined) totals.errors++;
  totals.hookEvents += events.length;
  totals.checkSums += sums.length;
  const found = leaks([error, nim, ...events], [APP_SECRET, ...sums]);
  totals.leaks += found.length;
  expect(found).toEqual([]);
}

const orders = [
  { order: 'AppSecret, then CheckSum', echo: (sum: string) => `${APP_SECRET} ${sum}` },
  { order: 'CheckSum, then AppSecret', echo: (sum: string) => `${sum} ${APP_SECRET}` },
];

describe.each(scenarios)('$name', (s) => {
  it.each(orders)('the server echoes $order: nothing leaks', async ({ echo }) => {
    faults.server.use((req, res, n) => s.serve(req, res, n, echo(String(req.headers['checksum']))));
    const result = await run({ baseUrl: s.refused ? faults.refusedUrl : faults.server.url, retry: s.retry, timeoutMs: s.timeoutMs });
    // The CheckSums recomputed from the hooks are the ones the server received.
    if (!s.refused) expect(faults.server.received.map((r) => r.headers['checksum'])).toEqual(checkSumsOf(result.events));
    expectNoLeak(result);
  });
});

describe('errors raised before or instead of a response', () => {
  it('a validation error (nothing signed, nothing sent)', async () => {
    faults.server.use((_req, res) => res.end('{"code":200}'));
    const result = await run({}, { serverIds: ['not-an-id'], nimUnknown: APP_SECRET });
    expect(result.error).toBeInstanceOf(NimValidationError);
    expect(faults.server.received).toEqual([]);
    expectNoLeak(result);
  });

  // Custom fetch functions (instrumentation, proxies, test doubles) that fail with the request headers in hand.
  const failingFetches: Array<{ name: string; fetch: FetchLike }> = [
    { name: 'rejects quoting the headers', fetch: (_url, init) => Promise.reject(new Error(`proxy refused ${JSON.stringify(init.headers)}`)) },
    {
      name: 'rejects with the headers in a nested cause and a property',
      fetch: (url, init) => {
        const inner = Object.assign(new Error(`upstream saw ${JSON.stringify(init.headers)}`), { request: { url, headers: init.headers } });
        return Promise.reject(new Error('proxy failed', { cause: inner }));
      },
    },
    { name: 'rejects with a plain string', fetch: (_url, init) => Promise.reject(`refused: ${JSON.stringify(init.headers)}`) },
    {
      name: 'throws synchronously quoting the headers',
      fetch: (_url, init) => {
        throw new Error(`cannot send ${JSON.stringify(init.headers)}`);
      },
    },
  ];

  it.each(failingFetches)('a custom fetch that $name: a NimTransportError, scrubbed', async ({ fetch }) => {
    const result = await run({ fetch, retry: { maxAttempts: 2 } });
    expect(result.error).toBeInstanceOf(NimTransportError);
    expect((result.error as NimTransportError).attempts).toBe(2);
    expectNoLeak(result);
  });
});

it('no unhandled rejection during the suite', async () => {
  await new Promise((r) => setTimeout(r, 100));
  expect(faults.unhandled).toEqual([]);
});
