// The CLI as a real child process: start, readiness, raw requests, log lines, flags and environment,
// and a clean exit (code 0) on SIGTERM and SIGINT.
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, DEFAULT_SPEC } from '../src/index.js';
import { eventually, runCli, startCli, type CliRun } from './support/cli.js';
import { sha1 } from './support/mock.js';

function signed(appKey: string, appSecret: string) {
  const nonce = 'cli' + Math.random().toString(36).slice(2);
  const curTime = String(Math.floor(Date.now() / 1000));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: sha1(appSecret + nonce + curTime) };
}

async function post(run: CliRun, path: string, body: string, headers: Record<string, string> = signed(DEFAULTS.appKey, DEFAULTS.appSecret)) {
  const res = await fetch(run.url + path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', ...headers }, body });
  return (await res.json()) as { code: number; [k: string]: unknown };
}

async function session<T>(args: string[], fn: (run: CliRun) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const run = await startCli(args, env);
  try {
    return await fn(run);
  } finally {
    await run.stop();
  }
}

describe('nim-mock as a process', () => {
  it('starts on 127.0.0.1, is ready, answers signed requests, logs one line per request, and exits 0 on SIGTERM', async () => {
    const run = await startCli([]);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/nimserver$/);
    const health = await fetch(run.url + '/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', auth: true, mode: 'stateful' });

    expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan')).code).toBe(200);
    expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan', signed(DEFAULTS.appKey, 'wrong'))).code).toBe(414);
    await eventually(() => run.stdout().includes('qchatCreateServer 414'));
    const lines = run.stdout().split('\n').filter((l) => l.includes('qchatCreateServer'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z qchatCreateServer 200 \d+\.\dms state$/);
    expect(lines[1]).toMatch(/^\S+ qchatCreateServer 414 \d+\.\dms "check checksum error" \(CheckSum is not sha1/);
    expect(run.stdout()).not.toContain(DEFAULTS.appSecret);

    expect(await run.stop('SIGTERM')).toBe(0);
    expect(run.stdout()).toContain('nim-mock: SIGTERM, finishing requests in flight');
  });

  it('exits 0 on SIGINT (Ctrl-C)', async () => {
    const run = await startCli(['--quiet']);
    expect((await fetch(run.url + '/health')).status).toBe(200);
    expect(await run.stop('SIGINT')).toBe(0);
  });

  it('--quiet prints no request lines', async () => {
    await session(['--quiet'], async (run) => {
      expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan')).code).toBe(200);
      expect(run.stdout()).not.toContain('qchatCreateServer');
    });
  });

  it('--app-key/--app-secret override the environment, which overrides the defaults', async () => {
    const env = { NIM_MOCK_APPKEY: 'env-key', NIM_MOCK_APPSECRET: 'env-secret' };
    await session(
      [],
      async (run) => {
        expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan', signed('env-key', 'env-secret'))).code).toBe(200);
        expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan')).code).toBe(414);
      },
      env,
    );
    await session(
      ['--app-key', 'flag-key', '--app-secret', 'flag-secret'],
      async (run) => {
        expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan', signed('flag-key', 'flag-secret'))).code).toBe(200);
        expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan', signed('env-key', 'env-secret'))).code).toBe(414);
      },
      env,
    );
  });

  it('--no-auth accepts unsigned requests', async () => {
    await session(['--no-auth'], async (run) => {
      expect(run.stdout()).toContain('signature checks off');
      expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan', {})).code).toBe(200);
    });
  });

  it('--spec serves the given bundled spec', async () => {
    await session(['--spec', DEFAULT_SPEC], async (run) => {
      expect((await post(run, '/qchat/createServer.action', 'accid=zhangsan')).code).toBe(200);
    });
  });

  it('--dynamic --seed gives the same bodies after a restart of the process', async () => {
    const paths = ['/qchat/getServers.action', '/chatroom/get.action', '/stats/chatroom/topn.action'];
    const bodies = { '/qchat/getServers.action': 'serverIds=%5B%221%22%5D', '/chatroom/get.action': 'roomid=1', '/stats/chatroom/topn.action': '' } as Record<string, string>;
    const collect = (run: CliRun) => Promise.all(paths.map((p) => post(run, p, bodies[p]!)));
    const first = await session(['--dynamic', '--seed', 'restart'], collect);
    const second = await session(['--dynamic', '--seed', 'restart'], collect);
    expect(first.every((b) => b.code === 200)).toBe(true);
    expect(second).toEqual(first);
  });

  it('stateful by default: --state-file is saved on SIGTERM and loaded by the next process; --id-start sets the ids', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nim-mock-cli-')), 'state.json');
    const first = await startCli(['--state-file', file, '--id-start', '7000']);
    expect(first.stdout()).toContain('stateful mode');
    const created = await post(first, '/chatroom/create.action', 'creator=qa_alice&name=kept');
    expect((created.chatroom as { roomid: number }).roomid).toBe(7000);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(file)).toBe(true);
    await session(['--state-file', file], async (run) => {
      const read = await post(run, '/chatroom/get.action', 'roomid=7000');
      expect((read.chatroom as { name: string }).name).toBe('kept');
    });
  });

  it('--mode examples serves the examples, as before', async () => {
    await session(['--mode', 'examples'], async (run) => {
      expect(run.stdout()).toContain('examples mode');
      expect(await (await fetch(run.url + '/health')).json()).toMatchObject({ mode: 'examples' });
      const read = await post(run, '/chatroom/get.action', 'roomid=7000');
      expect((read.chatroom as { roomid: number }).roomid).toBe(66); // the spec's example room
    });
  });

  it('--rate-limit-calls makes the next call over the limit answer 416', async () => {
    await session(['--rate-limit-calls', '2', '--rate-limit-window', '60000'], async (run) => {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await post(run, '/qchat/createServer.action', 'accid=zhangsan')).code);
      expect(codes).toEqual([200, 200, 416]);
    });
  });
});

describe('nim-mock refuses to start, with a clear message', () => {
  it.each([
    [['--bogus'], 2, /Unknown option '--bogus'/],
    [['--port', 'eighty'], 2, /--port must be an integer 0-65535, got 'eighty'/],
    [['--port', '70000'], 2, /--port must be an integer/],
    [['--seed', '1'], 2, /--seed only applies to --mode dynamic/],
    [['--mode', 'replay'], 2, /--mode must be one of stateful, examples, dynamic, got 'replay'/],
    [['--mode', 'examples', '--clock', '5'], 2, /--clock only applies to the stateful mode/],
    [['--max-messages', '0'], 2, /--max-messages must be an integer 1-/],
    [['--rate-limit-calls', '0'], 2, /--rate-limit-calls must be an integer 1-/],
    [['--spec', '/nonexistent/openapi.json'], 1, /could not start: cannot read the spec \/nonexistent\/openapi.json/],
  ])('%j', async (args, code, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(['--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/EADDRINUSE.*pick one with --port/);
    } finally {
      blocker.close();
    }
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--no-auth');
    expect(help.stdout).toContain('Prefer: example=<name>');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
