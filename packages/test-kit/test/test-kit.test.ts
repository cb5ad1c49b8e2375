// The kit's own behaviour: what the servers record and answer, and the vendor's signature formula.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { closedPortUrl, json, postRaw, sign, startServer, toForm } from '../src/index.js';

describe('startServer', () => {
  it('records each request and answers from the script', async () => {
    const server = await startServer((request, index) => (index === 0 ? json({ code: 200, echo: request.body }) : json({ code: 500 }, 503)));
    try {
      const first = await postRaw(server, '/qchat/createServer.action', 'accid=a');
      const second = await postRaw(server, '/qchat/createServer.action', 'accid=b');
      expect(first).toMatchObject({ status: 200, json: { code: 200, echo: 'accid=a' } });
      expect(second).toMatchObject({ status: 503, json: { code: 500 } });
      expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
        ['POST', '/nimserver/qchat/createServer.action', 'accid=a'],
        ['POST', '/nimserver/qchat/createServer.action', 'accid=b'],
      ]);
      expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=utf-8');
    } finally {
      await server.close();
    }
  });

  it('answers a fixed text, resets a connection, and closes with a request left hanging', async () => {
    const fixed = await startServer('{"code":200,"fixed":true}');
    const broken = await startServer((_r, index) => (index === 0 ? { destroy: true } : { hang: true }));
    try {
      expect((await postRaw(fixed, '/x', '')).json).toEqual({ code: 200, fixed: true });
      await expect(postRaw(broken, '/x', '')).rejects.toThrow();
      const hanging = postRaw(broken, '/x', '').catch((error: unknown) => error);
      while (broken.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await broken.close();
      expect(await hanging).toBeInstanceOf(Error);
    } finally {
      await fixed.close();
    }
  });

  it('gives a loopback URL nobody listens on', async () => {
    await expect(fetch(await closedPortUrl(), { method: 'POST' })).rejects.toThrow();
  });
});

describe('sign and toForm', () => {
  it('signs as CheckSum = sha1(AppSecret + Nonce + CurTime), CurTime in seconds', () => {
    const headers = sign({ appKey: 'k', appSecret: 's', nonce: 'n', atMs: 1_700_000_000_999 });
    expect(headers).toEqual({ AppKey: 'k', Nonce: 'n', CurTime: '1700000000', CheckSum: createHash('sha1').update('sn1700000000').digest('hex') });
  });

  it('JSON-encodes objects and arrays, stringifies scalars', () => {
    expect(toForm({ accid: 'a b', limit: 3, ok: true, ids: ['1'], ext: { k: 1 } })).toBe(
      'accid=a+b&limit=3&ok=true&ids=%5B%221%22%5D&ext=%7B%22k%22%3A1%7D',
    );
  });
});
