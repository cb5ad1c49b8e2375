// `npm start` as a reader uses it: the page it serves (compressed) carries samples that target the emulator it
// started, and a curl sample pasted from that page works as it is; a busy port is one clear line and exit 1.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageDefinition, pageOperations } from './support/spec.js';

const START = fileURLToPath(new URL('../../../tools/start.mjs', import.meta.url));
const run = promisify(execFile);

/** Runs tools/start.mjs; resolves with the two URLs it prints once both servers listen. */
async function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [START, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  while (!/docs: \S+/.test(out)) {
    const [chunk] = await Promise.race([once(child.stdout!, 'data'), once(child, 'exit').then(() => [null])]);
    if (chunk === null) throw new Error(`npm start exited early: ${out}`);
  }
  return { child, mockUrl: /mock: (\S+)/.exec(out)![1]!, docsUrl: /docs: (\S+)/.exec(out)![1]! };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe('npm start', () => {
  let started: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    started = await start(['--mock-port', '0', '--docs-port', '0']);
  });
  afterAll(() => stop(started.child));

  it('serves the page compressed, with an icon and without a 404 for /favicon.ico', async () => {
    const res = await fetch(started.docsUrl, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(new URL('/favicon.ico', started.docsUrl))).status).toBe(200);
  });

  it('a curl sample copied from the page it serves succeeds against its emulator, pasted as it is', async () => {
    const raw = Buffer.from(await (await fetch(started.docsUrl, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer());
    // fetch decodes gzip itself; decode by hand only if it did not.
    const html = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const onPage = pageOperations(pageDefinition(html));
    for (const operationId of ['qchatCreateServer', 'chatroomCreate']) {
      const curl = onPage.get(operationId)['x-codeSamples'].find((s: { label: string }) => s.label === 'curl').source as string;
      expect(curl).toContain(started.mockUrl);
      const { stdout } = await run('bash', ['-c', `set -eu\n${curl} --silent --show-error --max-time 10`], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, // no NIM_* variables: the sample carries them
        timeout: 20_000,
      });
      expect(JSON.parse(stdout), `${operationId}: ${stdout}`).toMatchObject({ code: 200 });
    }
  });
});

describe('npm start with a busy port', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it.each([
    { which: 'emulator', args: (p: number) => ['--mock-port', String(p), '--docs-port', '0'] },
    { which: 'docs', args: (p: number) => ['--mock-port', '0', '--docs-port', String(p)] },
  ])('the $which port: one clear line and exit code 1', async ({ which, args }) => {
    const child = spawn(process.execPath, [START, ...args(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([`npm start (${which}): port ${port} is already in use; stop what uses it or pick another with --${which === 'docs' ? 'docs' : 'mock'}-port <n> or NIM_${which === 'docs' ? 'DOCS' : 'MOCK'}_PORT`]);
  });

  it('a bad port value is refused with exit code 2', async () => {
    const child = spawn(process.execPath, [START, '--docs-port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain("--docs-port (or NIM_DOCS_PORT) must be a port 0-65535, got 'eighty'");
  });
});
