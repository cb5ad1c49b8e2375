#!/usr/bin/env node
// nim-mock: start the vendor-faithful mock. `nim-mock --help` lists the flags.
import { readFileSync } from 'node:fs';
import { HELP, parseCli } from '../src/cli.js';

const parsed = parseCli(process.argv.slice(2), process.env);
if (parsed.help) {
  console.log(HELP);
  process.exit(0);
}
if (parsed.version) {
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  process.exit(0);
}
if (parsed.error) {
  console.error(`nim-mock: ${parsed.error}`);
  process.exit(2);
}

// Signals: the first one finishes the requests in flight and exits 0; a second one exits at once.
/** @type {import('../src/index.js').RunningMock} */
let mock;
let stopping = false;
const onSignal = async (/** @type {NodeJS.Signals} */ signal) => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`nim-mock: ${signal}, finishing requests in flight`);
  await mock?.close();
  process.exit(0);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  // Loaded only now: Prism takes a second or two to import, --help and bad flags should not wait for it.
  const { startMock } = await import('../src/index.js');
  mock = await startMock(parsed.options);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message) ? ' (is another mock running on that port? pick one with --port)' : '';
  console.error(`nim-mock: could not start: ${message}${hint}`);
  process.exit(1);
}
if (stopping) {
  await mock.close();
  process.exit(0);
}
const o = /** @type {import('../src/index.js').MockOptions} */ (parsed.options);
const mode = mock.mode === 'dynamic' && o.seed !== undefined ? `dynamic mode (seed ${o.seed})` : `${mock.mode} mode`;
const auth = o.auth ? `AppKey ${mock.appKey}` : 'signature checks off';
const limit = o.rateLimit ? ', rate limit on' : '';
console.log(`nim-mock listening on ${mock.url} (${auth}, ${mode}${limit})`);
