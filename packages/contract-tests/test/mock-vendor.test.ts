// The mock answers like the vendor: HTTP 200 with code 414 and a desc naming the field or header - never Prism's 422/401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postRaw, startTestMock, type Mock } from './support/mock.js';

let mock: Mock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

describe('bad input', () => {
  it('a body missing a required field gets HTTP 200, code 414 and a desc naming the field', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'name=no-owner');
    expect(status).toBe(200);
    expect(json.code).toBe(414);
    expect(json.desc).toContain('accid');
  });

  it('a value outside its enum names the field and the rule', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan&inviteMode=7');
    expect(status).toBe(200);
    expect(json).toMatchObject({ code: 414 });
    expect(json.desc).toMatch(/inviteMode.*allowed values/);
  });

  it('an unknown field and a broken JSON-in-form field are refused (the two gaps Prism leaves)', async () => {
    const unknown = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan&inviteMod=1');
    expect(unknown.json).toMatchObject({ code: 414 });
    expect(unknown.json.desc).toContain("unknown parameter 'inviteMod'");
    const badItem = await postRaw(mock, '/qchat/getServers.action', 'serverIds=' + encodeURIComponent('["abc"]'));
    expect(badItem.json).toMatchObject({ code: 414 });
    expect(badItem.json.desc).toContain('serverIds[0]');
  });
});

describe('auth', () => {
  it('a request without auth headers gets HTTP 200, code 414 and a desc naming the header', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', {});
    expect(status).toBe(200);
    expect(json).toEqual({ code: 414, desc: 'missing header: AppKey' });
  });

  it('a wrong CheckSum is refused with the vendor wording', async () => {
    const headers = { AppKey: 'test-app-key', Nonce: 'abc', CurTime: String(Math.floor(Date.now() / 1000)), CheckSum: '0'.repeat(40) };
    const { json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', headers);
    expect(json).toEqual({ code: 414, desc: 'check checksum error' });
  });
});
