#!/usr/bin/env node
// Benchmark: @nimkit/mock in stateful mode (the default) and in examples mode against bare Prism (`prism mock` on the
// same bundled spec), all started as child processes on 127.0.0.1 and measured in the same run with autocannon
// (keep-alive connections) on two mixes: all 75 operations, and a chatroom flow (sendMsg, get, queueOffer, queueList
// on one room). Then the RSS of a stateful mock holding 1,000,000 chatroom messages (rss.mjs).
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
const TARGET = { reqs: 0.9, p99: 1.2, statefulVsExamples: 0.9, statefulVsPrism: 2 };

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

const nonce = 'bench' + Date.now();
const curTime = String(Math.floor(Date.now() / 1000)); // the run stays well inside the 5-minute window
const headers = {
  'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
  AppKey: APP_KEY,
  Nonce: nonce,
  CurTime: curTime,
  CheckSum: createHash('sha1').update(APP_SECRET + nonce + curTime).digest('hex'),
};
const form = (fields) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();

/** A valid, signed request per operation (required fields only), in spec order. */
function requestMix(prefix) {
  const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
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

/** The chatroom flow of a QA run, on the room the stateful mock creates first (its first id). */
const ROOMID = String(2n ** 53n + 1000n);
function chatroomMix(prefix) {
  return [
    ['/chatroom/sendMsg.action', { roomid: ROOMID, msgId: 'bench-1', fromAccid: 'qa_alice', msgType: 0, attach: 'hello' }],
    ['/chatroom/get.action', { roomid: ROOMID }],
    ['/chatroom/queueOffer.action', { roomid: ROOMID, key: 'k1', value: 'v1' }],
    ['/chatroom/queueList.action', { roomid: ROOMID }],
  ].map(([path, fields]) => ({ method: 'POST', path: prefix + path, headers, body: form(fields) }));
}

const [prismPort, quietPort, examplesPort, statefulPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const mixes = {
  all: { label: `all ${requestMix('').length} operations`, prism: requestMix(''), mock: requestMix('/nimserver') },
  chatroom: { label: 'chatroom flow (sendMsg, get, queueOffer, queueList)', prism: chatroomMix(''), mock: chatroomMix('/nimserver') },
};
const prismRequests = mixes.all.prism;
const probe = { method: 'POST', headers: prismRequests[0].headers, body: prismRequests[0].body };
const startNimMock = (name, port, extra) =>
  startChild(name, [root('packages/mock/bin/nim-mock.js'), '--port', String(port), '--quiet', ...extra], `http://127.0.0.1:${port}/nimserver/health`);
const prismCli = root('node_modules/@stoplight/prism-cli/dist/index.js');
const startPrism = (name, port, extra) =>
  startChild(name, [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), ...extra, SPEC], `http://127.0.0.1:${port}${prismRequests[0].path}`, probe);
// prism: the baseline of the targets, `prism mock` as QA would run it. quiet: for information, Prism with its
// per-request logging off.
const targets = {
  prism: { label: 'bare Prism (`prism mock`)', child: await startPrism('prism', prismPort, []), url: `http://127.0.0.1:${prismPort}`, side: 'prism' },
  quiet: { label: 'bare Prism, logging off (`prism mock -v silent`)', child: await startPrism('prism -v silent', quietPort, ['-v', 'silent']), url: `http://127.0.0.1:${quietPort}`, side: 'prism' },
  examples: { label: '@nimkit/mock, examples mode (`nim-mock --mode examples`)', child: await startNimMock('nim-mock --mode examples', examplesPort, ['--mode', 'examples']), url: `http://127.0.0.1:${examplesPort}`, side: 'mock' },
  stateful: { label: '@nimkit/mock, stateful mode (`nim-mock`)', child: await startNimMock('nim-mock', statefulPort, []), url: `http://127.0.0.1:${statefulPort}`, side: 'mock' },
};
/**
 * Before each of its rounds the stateful mock starts from an empty state, as a QA suite resets it between tests (the
 * mix creates thousands of objects per round, and list calls grow with them); the chatroom mix needs its room and queue.
 */
async function resetStateful() {
  const res = await fetch(`${targets.stateful.url}/_mock/reset`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`POST /_mock/reset answered HTTP ${res.status}`);
  await res.arrayBuffer();
  for (const [path, fields] of [['/chatroom/create.action', { creator: 'qa_alice', name: 'bench room' }], ['/chatroom/queueInit.action', { roomid: ROOMID, sizeLimit: 1000 }]]) {
    const created = await fetch(`${targets.stateful.url}/nimserver${path}`, { method: 'POST', headers, body: form(fields) });
    const text = await created.text();
    if (!text.includes('"code":200')) throw new Error(`setting up the stateful mock: ${path} answered ${text}`);
  }
}

const results = {}; // mix -> target -> runs
try {
  for (const [mixName, mix] of Object.entries(mixes)) {
    console.log(`\n${mix.label}: warm-up ${args.warmup} s each; then ${rounds} alternating rounds of ${duration} s, ${connections} keep-alive connections`);
    results[mixName] = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    for (const [name, t] of Object.entries(targets)) {
      if (name === 'stateful') await resetStateful();
      await load(t.url, mix[t.side], Number(args.warmup));
    }
    for (let i = 0; i < rounds; i++) {
      for (const [name, t] of Object.entries(targets)) {
        if (name === 'stateful') await resetStateful();
        const r = await load(t.url, mix[t.side], duration);
        results[mixName][name].push(r);
        console.log(`round ${i + 1} ${name.padEnd(8)} ${r.reqs.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  non-2xx ${r.non2xx}`);
      }
    }
  }
} finally {
  await Promise.all(Object.values(targets).map((t) => stop(t.child)));
}

console.log('\nRSS: 1,000,000 chatroom messages in a stateful mock (about 30 s)');
const rss = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, ['--expose-gc', root('bench/mock/rss.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`rss.mjs exited ${code}`))));
});

const date = new Date().toISOString().slice(0, 10);
const lines = [
  `Measured ${date} by \`node bench/mock/run.mjs\` on ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}: ` +
    `${connections} keep-alive connections, valid signed requests, median of ${rounds} alternating ${duration}-second rounds per mix, all servers in the same run.`,
];
for (const [mixName, mix] of Object.entries(mixes)) {
  const summary = Object.fromEntries(
    Object.entries(results[mixName]).map(([name, runs]) => [
      name,
      { reqs: median(runs.map((r) => r.reqs)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0) },
    ]),
  );
  const ratio = (of, to) => ({ reqs: summary[of].reqs / summary[to].reqs, p50: summary[of].p50 / summary[to].p50, p99: summary[of].p99 / summary[to].p99 });
  const row = (name) => `| ${targets[name].label} | ${summary[name].reqs.toFixed(0)} | ${summary[name].p50} ms | ${summary[name].p99} ms | ${summary[name].errors} |`;
  const e = ratio('examples', 'prism');
  const se = ratio('stateful', 'examples');
  const sp = ratio('stateful', 'prism');
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  lines.push(
    '',
    `**Mix: ${mix.label}**`,
    '',
    '| | req/s | p50 | p99 | errors + non-2xx |',
    '|---|---:|---:|---:|---:|',
    ...Object.keys(targets).map(row),
    `| examples mode / bare Prism | ${e.reqs.toFixed(2)}x (>= ${TARGET.reqs}x: ${verdict(e.reqs >= TARGET.reqs)}) | ${e.p50.toFixed(2)}x | ${e.p99.toFixed(2)}x (<= ${TARGET.p99}x: ${verdict(e.p99 <= TARGET.p99)}) | |`,
    `| **stateful / examples mode** (target) | **${se.reqs.toFixed(2)}x** (>= ${TARGET.statefulVsExamples}x: ${verdict(se.reqs >= TARGET.statefulVsExamples)}) | ${se.p50.toFixed(2)}x | ${se.p99.toFixed(2)}x | |`,
    `| **stateful / bare Prism** (target) | **${sp.reqs.toFixed(2)}x** (>= ${TARGET.statefulVsPrism}x: ${verdict(sp.reqs >= TARGET.statefulVsPrism)}) | ${sp.p50.toFixed(2)}x | ${sp.p99.toFixed(2)}x | |`,
  );
}
lines.push(
  '',
  `RSS of a stateful mock holding ${rss.messages.toLocaleString('en')} chatroom messages (${rss.rooms} rooms x the default bound of ` +
    `${rss.messages / rss.rooms}, stored through the chatroom model): **${rss.fullMb} MB**, against ${rss.emptyMb} MB empty (\`bench/mock/rss.mjs\`).`,
);
const table = lines.join('\n');
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
