#!/usr/bin/env node
// Benchmark: @nimkit/mock against bare Prism (`prism mock` on the same bundled spec), both started as child processes
// on 127.0.0.1 and measured in the same run with autocannon (keep-alive connections, a mix of all 75 operations).
// Not a test: it prints req/s, p50/p99 and the ratios; `--record` also writes them into packages/mock/README.md.
//
//   npm run build && node bench/mock/run.mjs [--duration 10] [--rounds 3] [--connections 50] [--record]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { allSamples } from '@nimkit/spec-lib';

const root = (p) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const SPEC = root('packages/mock/spec/openapi.json');
const README = root('packages/mock/README.md');
const APP_KEY = 'nim-mock-appkey';
const APP_SECRET = 'nim-mock-secret';
const TARGET = { reqs: 0.9, p99: 1.2 };

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    record: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const rounds = Number(args.rounds);
const connections = Number(args.connections);

/** A valid, signed request per operation (required fields only), in spec order. */
function requestMix(prefix) {
  const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
  const nonce = 'bench' + Date.now();
  const curTime = String(Math.floor(Date.now() / 1000)); // the run stays well inside the 5-minute window
  const headers = {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    AppKey: APP_KEY,
    Nonce: nonce,
    CurTime: curTime,
    CheckSum: createHash('sha1').update(APP_SECRET + nonce + curTime).digest('hex'),
  };
  // Required fields only; all fields where none is required (bare Prism refuses an empty body the vendor accepts).
  return allSamples(spec).map(({ path, minimal, full }) => ({
    method: 'POST',
    path: prefix + path,
    headers,
    body: new URLSearchParams(
      Object.entries(Object.keys(minimal).length ? minimal : full).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    ).toString(),
  }));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Whatever happens (a server that fails to start, Ctrl-C), no server outlives the benchmark.
const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
process.on('SIGINT', () => process.exit(130));

async function startChild(name, argv, readyUrl, readyInit) {
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited early (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(readyUrl, readyInit);
      await res.arrayBuffer();
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not become ready within 60 s: ${stderr}`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function load(url, requests, seconds) {
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1, requests });
  return { reqs: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, total: r.requests.total };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [prismPort, quietPort, mockPort] = [await freePort(), await freePort(), await freePort()];
const prismRequests = requestMix('');
const mockRequests = requestMix('/nimserver');
const probe = { method: 'POST', headers: prismRequests[0].headers, body: prismRequests[0].body };
const prismCli = root('node_modules/@stoplight/prism-cli/dist/index.js');
const startPrism = (name, port, extra) =>
  startChild(name, [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), ...extra, SPEC], `http://127.0.0.1:${port}${prismRequests[0].path}`, probe);
// prism: the baseline of the targets, `prism mock` as QA would run it. quiet: for information, Prism with its
// per-request logging off.
const targets = {
  prism: { label: 'bare Prism (`prism mock`)', child: await startPrism('prism', prismPort, []), url: `http://127.0.0.1:${prismPort}`, requests: prismRequests, runs: [] },
  quiet: {
    label: 'bare Prism, logging off (`prism mock -v silent`)',
    child: await startPrism('prism -v silent', quietPort, ['-v', 'silent']),
    url: `http://127.0.0.1:${quietPort}`,
    requests: prismRequests,
    runs: [],
  },
  mock: {
    label: '@nimkit/mock (`nim-mock`)',
    child: await startChild('nim-mock', [root('packages/mock/bin/nim-mock.js'), '--port', String(mockPort)], `http://127.0.0.1:${mockPort}/nimserver/health`),
    url: `http://127.0.0.1:${mockPort}`,
    requests: mockRequests,
    runs: [],
  },
};

try {
  console.log(`warm-up: ${args.warmup} s each; then ${rounds} alternating rounds of ${duration} s, ${connections} keep-alive connections, ${mockRequests.length} operations`);
  for (const t of Object.values(targets)) await load(t.url, t.requests, Number(args.warmup));
  for (let i = 0; i < rounds; i++) {
    for (const [name, t] of Object.entries(targets)) {
      const r = await load(t.url, t.requests, duration);
      t.runs.push(r);
      console.log(`round ${i + 1} ${name.padEnd(5)} ${r.reqs.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`);
    }
  }
} finally {
  await Promise.all(Object.values(targets).map((t) => stop(t.child)));
}

const summary = Object.fromEntries(
  Object.entries(targets).map(([name, t]) => [
    name,
    {
      reqs: median(t.runs.map((r) => r.reqs)),
      p50: median(t.runs.map((r) => r.p50)),
      p99: median(t.runs.map((r) => r.p99)),
      errors: t.runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    },
  ]),
);
const ratio = (of, to) => ({ reqs: summary[of].reqs / summary[to].reqs, p50: summary[of].p50 / summary[to].p50, p99: summary[of].p99 / summary[to].p99 });
const r = ratio('mock', 'prism');
const q = ratio('mock', 'quiet');
const met = { reqs: r.reqs >= TARGET.reqs, p99: r.p99 <= TARGET.p99 };
const date = new Date().toISOString().slice(0, 10);
const row = (name) => `| ${targets[name].label} | ${summary[name].reqs.toFixed(0)} | ${summary[name].p50} ms | ${summary[name].p99} ms | ${summary[name].errors} |`;
const table = [
  `Measured ${date} by \`node bench/mock/run.mjs\` on ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}: ` +
    `${connections} keep-alive connections, a mix of all ${mockRequests.length} operations (valid signed requests), median of ${rounds} alternating ${duration}-second rounds.`,
  '',
  '| | req/s | p50 | p99 | errors + non-2xx |',
  '|---|---:|---:|---:|---:|',
  row('prism'),
  row('quiet'),
  row('mock'),
  `| **mock / bare Prism** (target) | **${r.reqs.toFixed(2)}x** (>= ${TARGET.reqs}x: ${met.reqs ? 'met' : 'MISSED'}) | ${r.p50.toFixed(2)}x | **${r.p99.toFixed(2)}x** (<= ${TARGET.p99}x: ${met.p99 ? 'met' : 'MISSED'}) | |`,
  `| mock / Prism without logging | ${q.reqs.toFixed(2)}x | ${q.p50.toFixed(2)}x | ${q.p99.toFixed(2)}x | |`,
].join('\n');
console.log('\n' + table);

if (args.record) {
  const readme = readFileSync(README, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const [before, rest] = readme.split(start);
  if (rest === undefined || !rest.includes(end)) throw new Error(`${README} has no ${start} ... ${end} section`);
  writeFileSync(README, `${before}${start}\n${table}\n${end}${rest.slice(rest.indexOf(end) + end.length)}`);
  console.log(`recorded in ${README}`);
}
