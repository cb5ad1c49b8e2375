// Errors as the vendor answers them: HTTP 200 + {"code":414,"desc":...} naming the field and the rule, never Prism's
// 422/401/415; unknown actions and misuse of the mock itself answered as docs/adr/0007 and 0020 decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { operations, postRaw, sign, startTestMock, VALIDATING_MODES } from './support/mock.js';

let mock: RunningMock;
const mocks = {} as Record<(typeof VALIDATING_MODES)[number], RunningMock>;
beforeAll(async () => {
  for (const mode of VALIDATING_MODES) mocks[mode] = await startTestMock({ mode });
  mock = mocks.examples;
});
afterAll(() => Promise.all(Object.values(mocks).map((m) => m.close())));

describe.each(VALIDATING_MODES)('a body that fails the spec (%s mode): HTTP 200, code 414, desc names the field and the broken rule', (mode) => {
  it.each([
    ['a missing required field', '/qchat/createServer.action', 'name=no-owner', /^param error: accid is required$/],
    ['a value outside its enum', '/qchat/createServer.action', 'accid=zhangsan&inviteMode=7', /^param error: inviteMode must be equal to one of the allowed values: 0, 1$/],
    ['a non-integer for an integer', '/qchat/getServerListPage.action', 'accid=zhangsan&timetag=0&limit=ten', /limit must be integer/],
    ['a string over its maxLength', '/qchat/createServer.action', `accid=zhangsan&name=${'n'.repeat(400)}`, /name must NOT have more than \d+ characters/],
    ['a JSON-in-form field without its brackets (serverIds=1,2)', '/qchat/getServers.action', 'serverIds=1,2', /serverIds must match pattern/],
    ['JSON of the wrong shape inside a form field (serverIds=[1,2])', '/qchat/getServers.action', 'serverIds=%5B1%2C2%5D', /^param error: serverIds\[0\] must be string$/],
    ['several problems at once, each named', '/qchat/createServer.action', 'inviteMode=7&bogus=1', /accid is required.*inviteMode must be equal.*unknown parameter 'bogus'/],
  ])('%s', async (_, path, body, desc) => {
    const { status, json } = await postRaw(mocks[mode], path, body);
    expect(status).toBe(200);
    expect(json.code).toBe(414);
    expect(json.desc).toMatch(desc);
  });

  it('an empty body names every required field', async () => {
    const { status, json } = await postRaw(mocks[mode], '/qchat/removeServer.action', '');
    expect(status).toBe(200);
    expect(json).toEqual({ code: 414, desc: 'param error: accid is required; serverId is required' });
  });

  it('an operation without required fields accepts an empty body, as the vendor does', async () => {
    const { json } = await postRaw(mocks[mode], '/stats/chatroom/topn.action', '');
    expect(json.code).not.toBe(414);
  });

  it('a body over the size limit is refused with 414, not dropped', async () => {
    const small = await startTestMock({ bodyLimitBytes: 64, mode });
    try {
      const { status, json } = await postRaw(small, '/qchat/createServer.action', `accid=zhangsan&custom=${'x'.repeat(100)}`);
      expect(status).toBe(200);
      expect(json).toEqual({ code: 414, desc: 'param error: body larger than 64 bytes' });
    } finally {
      await small.close();
    }
  });
});

describe('a wrong content type: HTTP 200, code 414', () => {
  it.each(VALIDATING_MODES.flatMap((mode) => ['application/json', 'text/plain', 'multipart/form-data; boundary=x'].map((type) => [mode, type])))('%s mode: %s', async (mode, type) => {
    const { status, json } = await postRaw(mocks[mode as keyof typeof mocks], '/qchat/createServer.action', 'accid=zhangsan', sign(), type);
    expect(status).toBe(200);
    expect(json.code).toBe(414);
    expect(json.desc).toContain('Content-Type must be application/x-www-form-urlencoded');
  });

  it('the form type without a charset, or in another case, is accepted', async () => {
    expect((await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', sign(), 'application/x-www-form-urlencoded')).json.code).toBe(200);
    expect((await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', sign(), 'Application/X-WWW-Form-Urlencoded; charset=UTF-8')).json.code).toBe(200);
  });
});

describe('missing auth headers: HTTP 200, code 414 naming the header', () => {
  it.each(VALIDATING_MODES.flatMap((mode) => ['AppKey', 'Nonce', 'CurTime', 'CheckSum'].map((name) => [mode, name])))('%s mode: without %s', async (mode, name) => {
    const headers: Record<string, string> = sign();
    delete headers[name];
    const { status, json } = await postRaw(mocks[mode as keyof typeof mocks], '/qchat/createServer.action', 'accid=zhangsan', headers);
    expect(status).toBe(200);
    expect(json).toEqual({ code: 414, desc: `missing header: ${name}` });
  });
});

describe('unknown actions (docs/adr/0007): HTTP 404 with a vendor-shaped body', () => {
  it('an unknown path under /nimserver', async () => {
    const { status, json } = await postRaw(mock, '/qchat/noSuchAction.action', 'accid=zhangsan');
    expect(status).toBe(404);
    expect(json).toEqual({ code: 404, desc: 'unknown action: /nimserver/qchat/noSuchAction.action' });
  });

  it('a known action outside /nimserver (a base URL missing its /nimserver), as on the vendor host', async () => {
    const res = await fetch(mock.url.replace('/nimserver', '') + '/qchat/createServer.action', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sign() },
      body: 'accid=zhangsan',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, desc: 'unknown action: /qchat/createServer.action' });
  });

  it('an unknown action is answered before the signature is looked at', async () => {
    const { status, json } = await postRaw(mock, '/chatroom/nope.action', '', {});
    expect(status).toBe(404);
    expect(json.code).toBe(404);
  });

  it('a known action with a method other than POST', async () => {
    const res = await fetch(mock.url + '/qchat/createServer.action');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, desc: 'unknown action: GET /nimserver/qchat/createServer.action' });
  });
});

describe('misuse of the mock (docs/adr/0020): HTTP 400, never mistakable for a vendor answer', () => {
  it('an unknown example name lists the valid ones', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Prefer: 'example=paramEror' });
    expect(status).toBe(400);
    expect(json.code).toBe(400);
    expect(json.desc).toBe(
      "nim-mock: qchatCreateServer has no example 'paramEror'; use one of: ok, paramError, noPermission, rateLimited, repeatedRequest, serverError",
    );
  });

  it('a Prefer code the operation does not define', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Prefer: 'code=414' });
    expect(status).toBe(400);
    expect(json.desc).toMatch(/^nim-mock: .*414/);
  });

  it('an Accept header the vendor would ignore is ignored', async () => {
    const { status, json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Accept: 'text/html' });
    expect(status).toBe(200);
    expect(json.code).toBe(200);
  });
});

describe('readiness', () => {
  it('GET /nimserver/health (or /health) answers 200 with what is being served', async () => {
    const res = await fetch(mock.url + '/health');
    expect(res.status).toBe(200);
    expect((await fetch(mock.url.replace('/nimserver', '') + '/health')).status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', operations: operations.length, auth: true, mode: 'examples', encoding: 'docs', rateLimit: false });
  });
});
