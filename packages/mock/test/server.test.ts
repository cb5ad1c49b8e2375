// The programmatic API: startMock(options) -> { url, close() }, one log line per request, graceful close, clear
// errors for bad options.
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMock, DEFAULT_SPEC } from '../src/index.js';
import { APP_SECRET, FORM_TYPE, postRaw, sign, spec, startTestMock } from './support/mock.js';

describe('startMock', () => {
  it('resolves to a URL on 127.0.0.1 under /nimserver and a close() that frees the port', async () => {
    const mock = await startTestMock();
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/nimserver`);
    expect((await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan')).json.code).toBe(200);
    await mock.close();
    await mock.close(); // idempotent
    await expect(fetch(mock.url + '/health')).rejects.toThrow();
    const again = await startTestMock({ port: mock.port });
    expect(again.port).toBe(mock.port);
    await again.close();
  });

  it('takes the spec as a path or as a parsed document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nim-mock-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(spec));
    for (const option of [file, structuredClone(spec)]) {
      const mock = await startTestMock({ spec: option });
      expect((await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan')).json.code).toBe(200);
      await mock.close();
    }
  });

  it.each([
    [{ port: -1 }, /port must be an integer 0-65535/],
    [{ port: 1.5 }, /port must be an integer 0-65535/],
    [{ host: '' }, /host must be a non-empty string/],
    [{ appKey: '' }, /appKey must be a non-empty string when auth is on/],
    [{ log: 'yes' }, /log must be a function or false/],
    [{ spec: '/nonexistent/openapi.json' }, /cannot read the spec \/nonexistent\/openapi.json/],
    [{ spec: { openapi: '3.1.0' } }, /is not an OpenAPI document \(no "paths"\)/],
  ])('refuses %j with a clear error', async (options, message) => {
    await expect(startMock({ port: 0, log: false, ...(options as object) })).rejects.toThrow(message);
  });

  it('refuses a YAML file, pointing to the bundled JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nim-mock-'));
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'openapi: 3.1.0\npaths: {}\n');
    await expect(startMock({ port: 0, log: false, spec: file })).rejects.toThrow(/is not JSON; pass a bundled OpenAPI JSON/);
  });

  it('ships the bundled spec inside the package', () => {
    expect(DEFAULT_SPEC).toMatch(/packages\/mock\/spec\/openapi\.json$/);
  });
});

describe('log lines', () => {
  it('one concise line per request: time, operationId, code, latency, and why for a refusal; never the AppSecret', async () => {
    const lines: string[] = [];
    const mock = await startTestMock({ log: (line) => lines.push(line) });
    try {
      await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan');
      await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Prefer: 'example=rateLimited' });
      await postRaw(mock, '/qchat/createServer.action', 'inviteMode=7');
      await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', sign({ appKey: 'other-key' }));
      await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', sign({ atMs: Date.now() - 3_600_000 }));
      await postRaw(mock, '/qchat/nope.action', '');
      await fetch(mock.url + '/health'); // readiness probes are not logged
    } finally {
      await mock.close();
    }
    expect(lines).toHaveLength(6);
    const ts = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
    expect(lines[0]).toMatch(new RegExp(`^${ts} qchatCreateServer 200 \\d+\\.\\dms example=ok$`));
    expect(lines[1]).toMatch(/ qchatCreateServer 416 \d+\.\dms "frequency limit"$/);
    expect(lines[2]).toMatch(/ qchatCreateServer 414 \d+\.\dms "param error: accid is required; inviteMode must be equal to one of the allowed values: 0, 1"$/);
    expect(lines[3]).toMatch(/ qchatCreateServer 414 \d+\.\dms "check checksum error" \(AppKey 'other-key' is not the mock's AppKey 'test-app-key'\)$/);
    expect(lines[4]).toMatch(/ qchatCreateServer 414 \d+\.\dms "CurTime is expired" \(CurTime is 3600 s behind the mock's clock \(limit 300 s\)\)$/);
    expect(lines[5]).toMatch(/ POST \/nimserver\/qchat\/nope\.action 404 http=404 \d+\.\dms "unknown action: \/nimserver\/qchat\/nope\.action"$/);
    for (const line of lines) expect(line).not.toContain(APP_SECRET);
  });
});

describe('graceful close', () => {
  it('finishes a request in flight, closes idle keep-alive connections, and refuses new ones', async () => {
    const mock = await startTestMock();
    const body = 'accid=zhangsan';
    const seen = new Promise((resolve) => mock.server.once('request', resolve));
    // A request whose body is still arriving when close() is called.
    const req = request(mock.url + '/qchat/createServer.action', {
      method: 'POST',
      headers: { 'Content-Type': FORM_TYPE, 'Content-Length': Buffer.byteLength(body), ...sign() },
    });
    const answer = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 5));
    await seen; // the server has its headers
    // An idle keep-alive connection from an earlier request must not hold close() up.
    await postRaw(mock, '/qchat/createServer.action', body);
    const closing = mock.close();
    req.end(body.slice(5));
    const finished = await answer;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text).code).toBe(200);
    expect(finished.connection).toBe('close');
    await closing;
    await expect(fetch(mock.url + '/health')).rejects.toThrow();
  });
});
