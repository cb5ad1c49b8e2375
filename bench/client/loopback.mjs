// Latency over loopback against a minimal node:http server: the facade vs raw fetch (the hand-written baseline,
// signing included). Sequential calls in interleaved blocks (order alternating); p50/p99 over all blocks.
import { Worker } from 'node:worker_threads';
import { createNimClient } from '@nimkit/client';
import { ANSWER, APP_KEY, APP_SECRET, BODY, createBaseline, median, percentile } from './common.mjs';

export async function runLoopback({ blocks = 12, perBlock = 400 } = {}) {
  const worker = new Worker(new URL('./loopback-server.mjs', import.meta.url), { workerData: { answer: ANSWER }, execArgv: [] });
  const { port } = await new Promise((resolve) => worker.once('message', resolve));
  const base = `http://127.0.0.1:${port}/nimserver`;
  try {
    const nim = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: base, retry: false });
    const contenders = { 'raw fetch': createBaseline(base), facade: (body) => nim.qchat.getServers(body) };
    const samples = { 'raw fetch': [], facade: [] };
    const blockP50 = { 'raw fetch': [], facade: [] };
    for (const call of Object.values(contenders)) for (let i = 0; i < 300; i++) await call(BODY); // warm-up
    const entries = Object.entries(contenders);
    for (let b = 0; b < blocks; b++) {
      // Alternate which contender goes first, and collect garbage between blocks (with --expose-gc).
      for (let j = 0; j < entries.length; j++) {
        const [name, call] = entries[(b + j) % entries.length];
        globalThis.gc?.();
        const block = [];
        for (let i = 0; i < perBlock; i++) {
          const t = performance.now();
          await call(BODY);
          block.push(performance.now() - t);
        }
        samples[name].push(...block);
        blockP50[name].push(percentile(block.sort((a, b) => a - b), 50));
      }
    }
    const result = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => {
        const sorted = values.sort((a, b) => a - b);
        return [name, { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length }];
      }),
    );
    // Paired estimate: the median over blocks of facade p50 / raw p50 of the adjacent block.
    result.pairedP50Ratio = median(blockP50.facade.map((f, i) => f / blockP50['raw fetch'][i]));
    return result;
  } finally {
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}
