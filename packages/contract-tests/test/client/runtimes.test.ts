// Smoke test of the built package on every runtime installable from the npm registry here: Node 20 (this one),
// Node 22 and 24, Bun and Deno (packages/client/runtimes, installed by tools/setup.sh), plus an edge runtime
// (Vercel's @edge-runtime/vm: web APIs only, no process or require). Each one calls the real mock on loopback.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EdgeVM } from '@edge-runtime/vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from '../support/mock.js';
import { run } from '../support/run.js';

// The client's built package, and the runtimes it supports (packages/client/runtimes, outside the workspace).
const pkg = `${dirname(createRequire(import.meta.url).resolve('@nimkit/client/package.json'))}/`;
const bins = `${pkg}runtimes/node_modules/`;
const smoke = fileURLToPath(new URL('./runtime-smoke.mjs', import.meta.url));

const runtimes = [
  { name: 'Node 20 (this process)', command: process.execPath, args: [] as string[], version: /^v20\./ },
  { name: 'Node 22', command: `${bins}node22/bin/node`, args: [], version: /^v22\./ },
  { name: 'Node 24', command: `${bins}node24/bin/node`, args: [], version: /^v24\./ },
  { name: 'Bun', command: `${bins}.bin/bun`, args: [], version: /^1\./ },
  { name: 'Deno', command: `${bins}.bin/deno`, args: ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env'], version: /^deno 2\./ },
];

let mock: Mock;
beforeAll(async () => {
  expect(existsSync(`${pkg}dist/index.js`), 'build the package first (npm run build)').toBe(true);
  mock = await startTestMock();
});
afterAll(() => mock.close());

describe.each(runtimes)('$name', ({ command, args, version }) => {
  it('is installed', async () => {
    expect(existsSync(command), `${command} is missing: run \`npm ci --prefix packages/client/runtimes\` (tools/setup.sh does)`).toBe(true);
    const { stdout } = await run(command, ['--version']);
    expect(stdout.trim()).toMatch(version);
  });

  it('calls the mock through the built package: ids, errors, validation, callbacks', async () => {
    const result = await run(command, [...args, smoke, mock.url, APP_KEY, APP_SECRET], { cwd: pkg, timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').pop()!)).toEqual({
      serverIdType: 'string',
      serverIdTypes: ['string', 'string'],
      sendMsgCode: 200,
      apiError: { code: 414, hint: true },
      validation: 'NimValidationError',
      callback: true,
      specVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });
});

describe('edge runtime (@edge-runtime/vm)', () => {
  it('the bundled package needs nothing from node: and calls the mock with web APIs only', async () => {
    // platform 'neutral' fails the build on any node: import or Node built-in anywhere in the runtime path.
    for (const entry of ['dist/index.js', 'dist/core.js']) {
      const out = await build({ entryPoints: [`${pkg}${entry}`], bundle: true, format: 'iife', globalName: 'nimkit', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent' });
      const code = out.outputFiles[0]!.text;
      expect(code).not.toMatch(/\brequire\(["']node:/);
      const vm = new EdgeVM();
      vm.evaluate(code);
      expect(vm.evaluate('typeof process + typeof require')).toBe('undefinedundefined');
      const body = await vm.evaluate(
        `nimkit.createNimClient({ appKey: ${JSON.stringify(APP_KEY)}, appSecret: ${JSON.stringify(APP_SECRET)}, baseUrl: ${JSON.stringify(mock.url)}, retry: false })` +
          `.qchat.getServers({ serverIds: ['9223372036854775807'] }).then((r) => JSON.stringify(r))`,
      );
      const parsed = JSON.parse(body as string) as { code: number; serverInfos: { serverId: unknown }[] };
      expect(parsed.code).toBe(200);
      for (const s of parsed.serverInfos) expect(typeof s.serverId).toBe('string');
    }
  });
});
