// What the client puts on the wire, captured by a real loopback server: body encoding, headers, signing, ids.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient } from '@nimkit/client';
import { startServer, type TestServer } from '@nimkit/test-kit';

const appKey = 'wire-app-key';
const appSecret = 'wire-app-secret';
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

let capture: TestServer;
let answer = '{"code":200}';

beforeAll(async () => {
  capture = await startServer(() => ({ body: answer }));
});
afterAll(() => capture.close());

function client(options: Parameters<typeof createNimClient>[0] extends infer O ? Partial<O> : never = {}) {
  return createNimClient({ appKey, appSecret, baseUrl: capture.url, retry: false, ...options });
}

describe('request body', () => {
  it('encodes a JSON-array field as JSON, leaves out an omitted optional field, and sends 0 and false', async () => {
    capture.requests.length = 0;
    // chatroomGetBatch: roomids is a JSON array in a form field; needOnlineUserCount a boolean.
    await client().chatroom.getBatch({ roomids: ['6001', '6002'], needOnlineUserCount: false });
    // qchatGetServerListPage: timetag 0 must be sent, not dropped as falsy.
    await client().qchat.getServerListPage({ accid: 'zhangsan', timetag: 0, limit: 10 });
    // qchatCreateServer: only accid; every optional field omitted.
    await client().qchat.createServer({ accid: 'zhangsan' });
    const [batch, page, create] = capture.requests;
    expect(batch!.body).toBe('roomids=%5B%226001%22%2C%226002%22%5D&needOnlineUserCount=false');
    expect(new URLSearchParams(batch!.body).get('roomids')).toBe('["6001","6002"]');
    expect(page!.body).toBe('accid=zhangsan&timetag=0&limit=10');
    expect(create!.body).toBe('accid=zhangsan');
    expect(create!.url).toBe('/nimserver/qchat/createServer.action');
    expect(create!.method).toBe('POST');
  });

  it('sends the form content type and the four auth headers', async () => {
    capture.requests.length = 0;
    await client().qchat.removeServer({ accid: 'zhangsan', serverId: '9223372036854775807' });
    const { headers, body } = capture.requests[0]!;
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    expect(headers['appkey']).toBe(appKey);
    expect(headers['nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers['curtime']).toMatch(/^\d{10}$/);
    expect(body).toBe('accid=zhangsan&serverId=9223372036854775807');
  });
});

describe('signing', () => {
  it('CheckSum equals an independent SHA-1 of AppSecret + Nonce + CurTime', async () => {
    capture.requests.length = 0;
    await client().qchat.getServers({ serverIds: ['1'] });
    const h = capture.requests[0]!.headers;
    expect(h['checksum']).toBe(sha1(appSecret + String(h['nonce']) + String(h['curtime'])));
  });

  it('matches the published test vector with an injected clock and nonce', async () => {
    capture.requests.length = 0;
    const c = client({ appSecret: 'abcdef123456', now: () => 1443592222_000, nonce: () => '4tgggergigwow323t23t' });
    await c.qchat.getServers({ serverIds: ['1'] });
    const h = capture.requests[0]!.headers;
    expect(h['curtime']).toBe('1443592222');
    expect(h['checksum']).toBe('2a5be7297876a281b888aead8752a54e1f9ab04a');
  });

  it('uses a new Nonce and CurTime on every request', async () => {
    capture.requests.length = 0;
    let clock = 1_700_000_000_000;
    const c = client({ now: () => (clock += 1000) });
    for (let i = 0; i < 5; i++) await c.qchat.getServers({ serverIds: ['1'] });
    const nonces = capture.requests.map((r) => r.headers['nonce']);
    const times = capture.requests.map((r) => r.headers['curtime']);
    expect(new Set(nonces).size).toBe(5);
    expect(new Set(times).size).toBe(5);
    for (const r of capture.requests) {
      expect(r.headers['checksum']).toBe(sha1(appSecret + String(r.headers['nonce']) + String(r.headers['curtime'])));
    }
  });
});

describe('ids', () => {
  it('a response id of 9223372036854775807 arrives as the exact string', async () => {
    answer = '{"code":200,"serverInfo":{"serverId":9223372036854775807,"name":"big","createTime":1700000000000}}';
    const { serverInfo } = await client().qchat.createServer({ accid: 'zhangsan' });
    expect(serverInfo.serverId).toBe('9223372036854775807');
    expect(serverInfo.createTime).toBe(1700000000000);
    answer = '{"code":200,"serverInfos":[{"serverId":1},{"serverId":9007199254740993}]}';
    const { serverInfos } = await client().qchat.getServers({ serverIds: ['1', '9007199254740993'] });
    expect(serverInfos.map((s) => s.serverId)).toEqual(['1', '9007199254740993']);
    answer = '{"code":200}';
  });
});
