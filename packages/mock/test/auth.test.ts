// Real signature checks: AppKey, CheckSum = sha1(AppSecret + Nonce + CurTime), CurTime within 5 minutes of the mock's
// clock (injected here, so the boundaries are exact), with the vendor's wording; --no-auth turns them off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, startMock, type RunningMock } from '../src/index.js';
import { APP_KEY, postRaw, sha1, sign, startTestMock } from './support/mock.js';

const T = 1_700_000_000_000; // the mock's clock in these tests
const BODY = 'accid=zhangsan';
const PATH = '/qchat/createServer.action';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startTestMock({ now: () => T });
});
afterAll(() => mock.close());

describe('a correct signature passes', () => {
  it("signed at the mock's own clock", async () => {
    const { json } = await postRaw(mock, PATH, BODY, sign({ atMs: T }));
    expect(json.code).toBe(200);
    expect(json['serverInfo']).toBeDefined();
  });

  it('the vendor documentation test vector (AppSecret abcdef123456) is accepted', async () => {
    const vectorMock = await startTestMock({ appSecret: 'abcdef123456', now: () => 1443592222_000 });
    try {
      const headers = { AppKey: APP_KEY, Nonce: '4tgggergigwow323t23t', CurTime: '1443592222', CheckSum: '2a5be7297876a281b888aead8752a54e1f9ab04a' };
      expect(sha1('abcdef123456' + headers.Nonce + headers.CurTime)).toBe(headers.CheckSum);
      expect((await postRaw(vectorMock, PATH, BODY, headers)).json.code).toBe(200);
    } finally {
      await vectorMock.close();
    }
  });

  it('an upper-case hex CheckSum is accepted too', async () => {
    const headers = sign({ atMs: T });
    expect((await postRaw(mock, PATH, BODY, { ...headers, CheckSum: headers.CheckSum.toUpperCase() })).json.code).toBe(200);
  });
});

describe('a bad signature: HTTP 200, code 414, the vendor wording', () => {
  it.each([
    ['a wrong AppKey', sign({ appKey: 'someone-else', atMs: T }), 'check checksum error'],
    ['a CheckSum made with another AppSecret', sign({ appSecret: 'wrong-secret', atMs: T }), 'check checksum error'],
    ['a CheckSum that is not hex at all', { ...sign({ atMs: T }), CheckSum: 'not-a-checksum' }, 'check checksum error'],
    ['a CheckSum for another Nonce', { ...sign({ atMs: T }), Nonce: 'replaced' }, 'check checksum error'],
    ['CurTime 301 s behind the mock', sign({ atMs: T - 301_000 }), 'CurTime is expired'],
    ['CurTime 301 s ahead of the mock', sign({ atMs: T + 301_000 }), 'CurTime is expired'],
    ['CurTime in milliseconds', { ...sign({ atMs: T }), CurTime: String(T) }, 'CurTime is expired'],
    ['CurTime that is not a number', { ...sign({ atMs: T }), CurTime: 'yesterday' }, 'CurTime is expired'],
    ['a Nonce over 128 characters', sign({ atMs: T, nonce: 'n'.repeat(129) }), 'Nonce is too long (max 128)'],
  ])('%s', async (_, headers, desc) => {
    const { status, json } = await postRaw(mock, PATH, BODY, headers as Record<string, string>);
    expect(status).toBe(200);
    expect(json).toEqual({ code: 414, desc });
  });

  it('CurTime exactly 300 s away on either side is still accepted', async () => {
    expect((await postRaw(mock, PATH, BODY, sign({ atMs: T - 300_000 }))).json.code).toBe(200);
    expect((await postRaw(mock, PATH, BODY, sign({ atMs: T + 300_000 }))).json.code).toBe(200);
  });

  it('the signature is checked before the body: an unsigned bad body gets the signature error', async () => {
    const { json } = await postRaw(mock, PATH, 'inviteMode=7', sign({ atMs: T, appSecret: 'wrong' }));
    expect(json).toEqual({ code: 414, desc: 'check checksum error' });
  });
});

describe('configuration', () => {
  it('the documented defaults are AppKey nim-mock-appkey and AppSecret nim-mock-secret', async () => {
    expect(DEFAULTS.appKey).toBe('nim-mock-appkey');
    expect(DEFAULTS.appSecret).toBe('nim-mock-secret');
    const plain = await startMock({ port: 0, log: false });
    try {
      expect((await postRaw(plain, PATH, BODY, sign({ appKey: 'nim-mock-appkey', appSecret: 'nim-mock-secret' }))).json.code).toBe(200);
      expect((await postRaw(plain, PATH, BODY, sign())).json).toEqual({ code: 414, desc: 'check checksum error' });
    } finally {
      await plain.close();
    }
  });

  it('auth: false (--no-auth) accepts unsigned and wrongly signed requests, and still validates bodies', async () => {
    const open = await startTestMock({ auth: false });
    try {
      expect((await postRaw(open, PATH, BODY, {})).json.code).toBe(200);
      expect((await postRaw(open, PATH, BODY, sign({ appSecret: 'wrong', atMs: 0 }))).json.code).toBe(200);
      expect((await postRaw(open, PATH, 'inviteMode=7', {})).json.code).toBe(414);
    } finally {
      await open.close();
    }
  });

  it('refuses to start with auth on and an empty AppSecret', async () => {
    await expect(startMock({ port: 0, appSecret: '', log: false })).rejects.toThrow(/appSecret must be a non-empty string/);
  });
});
