// Suite 5 - load: 50 concurrent callers through the client against the mock (a separate process), a mix of
// operations, capped in count and time: 0 errors; then 10,000 calls with the heap flat after warm-up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNimClient, type NimClient } from '@nimkit/client';
import { sampleRequest } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET } from '../support/mock.js';
import { startMockProcess } from '../support/mock-process.js';
import { operations, spec } from '../support/spec.js';

const CONCURRENCY = 50;
const TOTAL = Number(process.env.NIM_LOAD_CALLS ?? 10_000);
const TIME_CAP_MS = 120_000;

let mock: Awaited<ReturnType<typeof startMockProcess>>;
let nim: NimClient;
const calls = operations.map(({ group, action, op }) => ({ group, action, body: sampleRequest(spec, op, { full: true }) }));

beforeAll(async () => {
  mock = await startMockProcess(['--mode', 'examples']); // every sample call answers 200 only from the examples
  nim = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, retry: false, timeoutMs: 30_000 });
});
afterAll(() => mock.stop());

/** Runs `count` calls over the operation mix with CONCURRENCY workers; stops early at the time cap. */
async function run(count: number) {
  let next = 0;
  let ok = 0;
  const errors: unknown[] = [];
  const deadline = Date.now() + TIME_CAP_MS;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const c = calls[next++ % calls.length]!;
      try {
        const result = await (nim as any)[c.group][c.action](c.body);
        if (result.code === 200) ok++;
        else errors.push(result);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ok, errors, attempted: next };
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

it(`${CONCURRENCY} concurrent callers, ${TOTAL} calls across all ${operations.length} operations: 0 errors, heap flat`, async () => {
  const warmup = await run(1_000);
  expect(warmup.errors).toEqual([]);
  const startHeap = heapMb();
  const started = performance.now();
  const result = await run(TOTAL);
  const seconds = (performance.now() - started) / 1000;
  const endHeap = heapMb();
  console.log(
    `load: ${result.ok}/${TOTAL} calls ok, ${result.errors.length} errors, ${CONCURRENCY} concurrent, ` +
      `${Math.round(result.ok / seconds)} calls/s; heap ${startHeap.toFixed(1)} MB -> ${endHeap.toFixed(1)} MB after warm-up`,
  );
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(TOTAL);
  // Flat: growth bounded by a fixed allowance, not proportional to the 10,000 calls.
  expect(endHeap - startHeap).toBeLessThan(16);
}, TIME_CAP_MS * 2 + 30_000);
