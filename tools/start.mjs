#!/usr/bin/env node
// The README's main job after the build: the emulator and the docs page, both on 127.0.0.1, until Ctrl-C.
//   npm start [-- --mock-port <n>] [-- --docs-port <n>]     (or NIM_MOCK_PORT / NIM_DOCS_PORT; 0 = any free port)
// The page served is the local build (dist/local.html): its samples send to this emulator, pasted as they are.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EMULATOR_TARGET, LOCAL_PAGE, replaceInPage } from '@nimkit/docs/build';
import { listenError, serveDocs } from '@nimkit/docs/serve';
import { startMock } from '@nimkit/mock';

const host = '127.0.0.1';
/** @type {(line: string, code?: number) => never} */
const fail = (line, code = 1) => {
  console.error(line);
  process.exit(code);
};

/** @type {{ 'mock-port'?: string, 'docs-port'?: string }} */
let values;
try {
  ({ values } = parseArgs({ options: { 'mock-port': { type: 'string' }, 'docs-port': { type: 'string' } }, strict: true }));
} catch (error) {
  fail(`npm start: ${error instanceof Error ? error.message : error} (options: --mock-port <n>, --docs-port <n>)`, 2);
}
/** @param {'mock-port' | 'docs-port'} flag @param {string} env @param {number} fallback */
const port = (flag, env, fallback) => {
  const raw = values[flag] ?? process.env[env] ?? String(fallback);
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) fail(`npm start: --${flag} (or ${env}) must be a port 0-65535, got '${raw}'`, 2);
  return Number(raw);
};
const mockPort = port('mock-port', 'NIM_MOCK_PORT', 4010);
const docsPort = port('docs-port', 'NIM_DOCS_PORT', 8080);
if (!existsSync(LOCAL_PAGE)) fail('npm start: the docs page is not built; run `npm run build` first');

/** @type {Awaited<ReturnType<typeof startMock>>} */
let mock;
try {
  mock = await startMock({ host, port: mockPort });
} catch (error) {
  fail(listenError(error, { what: 'npm start (emulator)', port: mockPort, hint: 'pick another with --mock-port <n> or NIM_MOCK_PORT' }));
}
// The page was built for the emulator's default address; point its samples at the one really listening.
const html = replaceInPage(readFileSync(LOCAL_PAGE, 'utf8'), EMULATOR_TARGET.baseUrl, mock.url);
/** @type {Awaited<ReturnType<typeof serveDocs>>} */
let docs;
try {
  docs = await serveDocs({ html, host, port: docsPort });
} catch (error) {
  await mock.close();
  fail(listenError(error, { what: 'npm start (docs)', port: docsPort, hint: 'pick another with --docs-port <n> or NIM_DOCS_PORT' }));
}

console.log(`mock: ${mock.url}  (AppKey ${mock.appKey}, AppSecret ${EMULATOR_TARGET.appSecret})`);
console.log(`docs: ${docs.url}`);
console.log('Ctrl-C to stop.');
const stop = async () => {
  await Promise.all([docs.close(), mock.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
