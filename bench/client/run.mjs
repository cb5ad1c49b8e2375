#!/usr/bin/env node
// Benchmarks of @nimkit/client, each against a baseline measured in the same run (not tests: they print ratios).
//   npm run build && npm run bench:client [-- --record]      (node --expose-gc bench/client/run.mjs)
// --record also writes the figures between the BENCH markers of packages/client/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runInProcess } from './inprocess.mjs';
import { runLoopback } from './loopback.mjs';
import { runSize } from './size.mjs';
import { runTypecheck } from './typecheck.mjs';
import { fmt, verdict } from './common.mjs';

const { values: args } = parseArgs({ options: { record: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } });
const README = fileURLToPath(new URL('../../packages/client/README.md', import.meta.url));
const TARGET = { inProcess: 0.8, p50: 1.05, coreGzip: 10 * 1024, typecheck: 2 };
const lines = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

say(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; each ratio compares figures measured in this run.`);
say();

const ips = await runInProcess(args.quick ? { rounds: 3, roundMs: 300 } : {});
say('In-process calls/s (stub fetch, one call at a time; medians over interleaved rounds; the ratio is the median of');
say('per-round ratios to the baseline measured next to it):');
say('');
say('| contender | calls/s | vs baseline |');
say('|---|---:|---:|');
for (const [name, { perSecond, ratio }] of Object.entries(ips)) say(`| ${name} | ${fmt(perSecond)} | ${ratio.toFixed(2)}x |`);
say('');
say(`Target facade >= ${TARGET.inProcess}x baseline: ${ips.facade.ratio.toFixed(2)}x, ${verdict(ips.facade.ratio >= TARGET.inProcess)}.`);
say();

const lb = await runLoopback(args.quick ? { blocks: 4, perBlock: 200 } : {});
const raw = lb['raw fetch'];
const fac = lb.facade;
say(`Loopback latency (minimal node:http server in a worker thread, ${fac.n} sequential calls each):`);
say('');
say('| contender | p50 ms | p99 ms |');
say('|---|---:|---:|');
say(`| raw fetch | ${raw.p50.toFixed(3)} | ${raw.p99.toFixed(3)} |`);
say(`| facade | ${fac.p50.toFixed(3)} | ${fac.p99.toFixed(3)} |`);
say('');
say(`facade/raw over all calls: p50 ${(fac.p50 / raw.p50).toFixed(2)}x, p99 ${(fac.p99 / raw.p99).toFixed(2)}x.`);
say(`Paired p50 ratio (median over blocks of facade p50 / adjacent raw-fetch p50): ${lb.pairedP50Ratio.toFixed(3)}x. Target <= ${TARGET.p50}x: ${verdict(lb.pairedP50Ratio <= TARGET.p50)}.`);
say();

const size = await runSize();
say('Bundle size (esbuild --minify, ESM, platform neutral; gzip -9):');
say('');
say('| bundle | min | min+gzip |');
say('|---|---:|---:|');
for (const [name, s] of Object.entries(size)) say(`| ${name} | ${fmt(s.min / 1024, 1)} KB | ${fmt(s.gzip / 1024, 1)} KB |`);
const core = Object.values(size)[0];
say('');
say(`Target core runtime <= 10 KB min+gzip: ${fmt(core.gzip / 1024, 1)} KB, ${verdict(core.gzip <= TARGET.coreGzip)}.`);
say();

const tc = await runTypecheck(args.quick ? { runs: 3 } : {});
say(`Type-check cost (tsc --noEmit, "Total time" of --extendedDiagnostics, median of alternating runs):`);
say('');
say(`| project | ms |`);
say('|---|---:|');
say(`| empty project | ${fmt(tc.emptyMs)} |`);
say(`| consumer calling ${tc.operations} operations | ${fmt(tc.consumerMs)} |`);
say('');
say(`Ratio ${(tc.consumerMs / tc.emptyMs).toFixed(2)}x; target <= ${TARGET.typecheck}x: ${verdict(tc.consumerMs / tc.emptyMs <= TARGET.typecheck)}.`);

if (args.record) {
  const readme = readFileSync(README, 'utf8');
  const start = '<!-- BENCH:START -->';
  const end = '<!-- BENCH:END -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${README} has no ${start} ... ${end} section`);
  writeFileSync(README, `${readme.slice(0, i + start.length)}\n${lines.join('\n')}\n${readme.slice(j)}`);
  console.log(`\nrecorded in ${README}`);
}
