// What the client puts on the wire, recorded by a real loopback server: URL, body, headers, signing per attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, type NimClientOptions } from '../src/index.js';
import { sha1 } from './support/reference.js';
import { json, startServer, type TestServer } from '@nimkit/test-kit';

const appKey = 'wire-key';
const appSecret = 'wire-secret';
let server: TestServer;
let answers: ((index: number) => ReturnType<typeof json>) | undefined;

beforeAll(async () => {
  server = await startServer((_, i) => answers?.(i) ?? json({ code: 200 }));
});
afterAll(() => server.close());

function client(options: Partial<NimClientOptions> = {}) {
  server.requests.length = 0;
  answers = undefined;
  return createNimClient({ appKey, appSecret, baseUrl: server.url, retry: false, ...options });
}

describe('request', () => {
  it('POSTs the form body to <baseUrl><path> with the form content type and the five headers', async () => {
    await client().qchat.getServers({ serverIds: ['1', '9223372036854775807'] });
    const [r] = server.requests;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe('/nimserver/qchat/getServers.action');
    expect(r!.body).toBe('serverIds=%5B%221%22%2C%229223372036854775807%22%5D');
    expect(r!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(r!.headers['appkey']).toBe(appKey);
    expect(r!.headers['nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(r!.headers['curtime']).toMatch(/^\d{10}$/);
    expect(r!.headers['checksum']).toBe(sha1(appSecret + r!.headers['nonce'] + r!.headers['curtime']));
    expect(r!.headers['requestid']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('routes the stats group by its own path', async () => {
    await client().chatroom.statsTopn({});
    expect(server.requests[0]!.url).toBe('/nimserver/stats/chatroom/topn.action');
  });

  it('sends extra headers from the client and from the call, and refuses to override auth headers', async () => {
    const c = client({ headers: { 'X-Trace': 'a', Prefer: 'example=ok' } });
    await c.qchat.getServers({ serverIds: ['1'] }, { headers: { 'X-Trace': 'b' }, requestId: 'my-request-id' });
    const h = server.requests[0]!.headers;
    expect(h['x-trace']).toBe('b');
    expect(h['prefer']).toBe('example=ok');
    expect(h['requestid']).toBe('my-request-id');
    expect(() => client({ headers: { checksum: 'x' } })).toThrow(/CheckSum|checksum/);
    await expect(c.qchat.getServers({ serverIds: ['1'] }, { headers: { AppKey: 'other' } })).rejects.toThrow(/AppKey/);
  });

  it('uses a custom fetch, called as fetch(url, init)', async () => {
    const seen: string[] = [];
    const c = client({
      fetch: (url, init) => {
        seen.push(`${init.method} ${url}`);
        return fetch(url, init);
      },
    });
    await c.qchat.getServers({ serverIds: ['1'] });
    expect(seen).toEqual([`POST ${server.url}/qchat/getServers.action`]);
  });

  it('the call() form reaches the same operation', async () => {
    await client().call('chatroomGet', { roomid: '7', needOnlineUserCount: false });
    expect(server.requests[0]!.url).toBe('/nimserver/chatroom/get.action');
    expect(server.requests[0]!.body).toBe('roomid=7&needOnlineUserCount=false');
  });
});

describe('signing', () => {
  it('reproduces the published vector with an injected clock and nonce', async () => {
    await client({ appSecret: 'abcdef123456', now: () => 1443592222_000, nonce: () => '4tgggergigwow323t23t' }).qchat.getServers({ serverIds: ['1'] });
    const h = server.requests[0]!.headers;
    expect(h['curtime']).toBe('1443592222');
    expect(h['checksum']).toBe('2a5be7297876a281b888aead8752a54e1f9ab04a');
  });

  it('applies clockOffsetMs to CurTime', async () => {
    await client({ now: () => 1_700_000_000_000, clockOffsetMs: -90_000 }).qchat.getServers({ serverIds: ['1'] });
    expect(server.requests[0]!.headers['curtime']).toBe('1699999910');
  });

  it('a call 6 minutes after the previous one signs with a fresh CurTime, Nonce and CheckSum', async () => {
    let clock = 1_700_000_000_000;
    const c = client({ now: () => clock });
    await c.qchat.getServers({ serverIds: ['1'] });
    clock += 6 * 60_000;
    await c.qchat.getServers({ serverIds: ['1'] });
    const [a, b] = server.requests.map((r) => r.headers);
    expect(Number(b!['curtime']) - Number(a!['curtime'])).toBe(360);
    expect(b!['nonce']).not.toBe(a!['nonce']);
    expect(b!['checksum']).toBe(sha1(appSecret + b!['nonce'] + b!['curtime']));
  });

  it('every retry attempt is signed afresh and keeps the RequestId of the call', async () => {
    let clock = 1_700_000_000_000;
    const c = client({ now: () => (clock += 1_000), retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    answers = (i) => (i < 2 ? json({ code: 503, desc: 'busy' }) : json({ code: 200 }));
    await c.qchat.getServers({ serverIds: ['1'] });
    const headers = server.requests.map((r) => r.headers);
    expect(headers).toHaveLength(3);
    expect(new Set(headers.map((h) => h['requestid'])).size).toBe(1);
    expect(new Set(headers.map((h) => h['nonce'])).size).toBe(3);
    expect(new Set(headers.map((h) => h['curtime'])).size).toBe(3);
    for (const h of headers) expect(h['checksum']).toBe(sha1(appSecret + h['nonce'] + h['curtime']));
  });

  it('two calls get two RequestIds', async () => {
    const c = client();
    await c.qchat.getServers({ serverIds: ['1'] });
    await c.qchat.getServers({ serverIds: ['1'] });
    expect(server.requests[0]!.headers['requestid']).not.toBe(server.requests[1]!.headers['requestid']);
  });
});

describe('response', () => {
  it('returns the typed success body with every nim-id as its exact string', async () => {
    const c = client();
    answers = () => ({ body: '{"code":200,"serverInfos":[{"serverId":9223372036854775807,"name":"a","createTime":1700000000000},{"serverId":6790}]}' });
    const { serverInfos } = await c.qchat.getServers({ serverIds: ['9223372036854775807', '6790'] });
    expect(serverInfos.map((s) => s.serverId)).toEqual(['9223372036854775807', '6790']);
    expect(serverInfos[0]!.createTime).toBe(1700000000000);
  });

  it('keeps fields the vendor adds beyond the spec', async () => {
    const c = client();
    answers = () => json({ code: 200, brandNew: { x: 1 } });
    expect(await c.qchat.removeServer({ accid: 'a', serverId: '1' })).toEqual({ code: 200, brandNew: { x: 1 } });
  });
});
