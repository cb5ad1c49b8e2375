#!/usr/bin/env node
// Benchmark of the docs page (not a test): page weight and rendering time of packages/docs/dist/index.html,
// against a baseline measured in the same run - the plain bundled spec rendered by the same `redocly build-docs`
// (no introduction tables, Chinese titles, JSON-value text or code samples; not made self-contained).
//
//   npm run build && node bench/docs/run.mjs [--runs 5]
//
// Prints medians and ratios (ours / baseline) and writes bench/results/docs.json. Targets: page <= 3 MB
// (3,000,000 bytes); interactive and a deep link to an operation <= 1.5 s.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDocs } from '@nimkit/docs/redoc';
import { timePage } from './timing.mjs';
import { weigh } from './weigh.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be an integer from 1 to 50');

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = join(root, 'packages/docs/dist/index.html');
const specFile = join(root, 'packages/spec/dist/openapi.json');
if (!existsSync(page)) throw new Error(`no ${page}: run \`npm run build\` first`);
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const tags = spec['x-tagGroups'].flatMap((g) => g.tags);
// A deep link a reader follows from a chat or an issue: the chatroom's send operation.
const sendMsg = Object.values(spec.paths).find((item) => item.post.operationId === 'chatroomSendMsg').post;
const deepLink = { tag: sendMsg.tags[0], operationId: sendMsg.operationId };

const scratch = mkdtempSync(join(tmpdir(), 'nimkit-docs-bench-'));
try {
  const baseline = join(scratch, 'baseline.html');
  await buildDocs(specFile, baseline, { title: spec.info.title });
  const pages = { ours: page, baseline };
  const weights = Object.fromEntries(Object.entries(pages).map(([k, f]) => [k, weigh(readFileSync(f, 'utf8'))]));

  const samples = { ours: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both pages see the same machine noise.
    for (const name of i % 2 ? ['baseline', 'ours'] : ['ours', 'baseline']) samples[name].push(await timePage(pages[name], tags, deepLink));
    process.stderr.write(`run ${i + 1}/${runs}\n`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const timing = Object.fromEntries(
    Object.entries(samples).map(([k, xs]) => [
      k,
      {
        interactiveMs: median(xs.map((x) => x.interactiveMs)),
        deepLinkMs: median(xs.map((x) => x.deepLinkMs)),
        everyOperationMs: median(xs.map((x) => x.everyOperationMs)),
        slowestTagMs: median(xs.map((x) => x.slowestTagMs)),
        operations: xs[0].operations,
      },
    ]),
  );

  const rows = [
    ['page bytes', weights.ours.total, weights.baseline.total],
    ['page bytes, gzip -9', weights.ours.gzip, weights.baseline.gzip],
    ...Object.keys(weights.ours.parts).map((p) => [`  ${p}`, weights.ours.parts[p], weights.baseline.parts[p]]),
    ['interactive (ms, median)', timing.ours.interactiveMs, timing.baseline.interactiveMs],
    ['deep link shows the operation (ms, median)', timing.ours.deepLinkMs, timing.baseline.deepLinkMs],
    ['every operation rendered (ms, median)', timing.ours.everyOperationMs, timing.baseline.everyOperationMs],
    ['slowest tag (ms, median)', timing.ours.slowestTagMs, timing.baseline.slowestTagMs],
  ];
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  console.log(`docs page benchmark, ${runs} run(s) each, ${timing.ours.operations} operations, Chromium headless`);
  console.log(`${'metric'.padEnd(40)}${'ours'.padStart(12)}${'baseline'.padStart(12)}${'ratio'.padStart(8)}`);
  for (const [name, ours, base] of rows) {
    console.log(`${name.padEnd(40)}${fmt(ours).padStart(12)}${fmt(base).padStart(12)}${(ours / base).toFixed(2).padStart(8)}`);
  }
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`target page <= 3,000,000 bytes: ${verdict(weights.ours.total <= 3_000_000)}`);
  console.log(`target interactive <= 1,500 ms: ${verdict(timing.ours.interactiveMs <= 1_500)}`);
  console.log(`target deep link <= 1,500 ms: ${verdict(timing.ours.deepLinkMs <= 1_500)}`);

  const results = join(root, 'bench/results');
  mkdirSync(results, { recursive: true });
  const out = { date: new Date().toISOString(), runs, weights, timing, samples };
  writeFileSync(join(results, 'docs.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('details: bench/results/docs.json');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
