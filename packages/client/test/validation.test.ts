// Client-side validation against the spec (generated validators): the error names the field and the rule, and
// nothing reaches the wire. '@nimkit/client/core' has no validators and sends as is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, NimValidationError, type QchatCreateServerRequest } from '../src/index.js';
import { createNimClient as createCoreClient } from '../src/core.js';
import { json, startServer, type TestServer } from '@nimkit/test-kit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => json({ code: 200 }));
});
afterAll(() => server.close());

const nim = () => createNimClient({ appKey: 'k', appSecret: 'validation-secret', baseUrl: server.url, retry: false });

async function issuesOf(run: () => Promise<unknown>) {
  server.requests.length = 0;
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NimValidationError);
  expect(server.requests).toHaveLength(0); // nothing was sent
  return (error as NimValidationError).issues.map(({ field, rule }) => ({ field, rule }));
}

describe('validation before sending', () => {
  it('a missing required field', async () => {
    const body = { name: 'no owner' } as unknown as QchatCreateServerRequest;
    expect(await issuesOf(() => nim().qchat.createServer(body))).toContainEqual({ field: 'accid', rule: 'required' });
  });

  it('a value that is too long', async () => {
    expect(await issuesOf(() => nim().qchat.createServer({ accid: 'a', name: 'x'.repeat(65) }))).toEqual([{ field: 'name', rule: 'maxLength' }]);
  });

  it('a value outside an enum', async () => {
    expect(await issuesOf(() => nim().qchat.createServer({ accid: 'a', inviteMode: 2 as 0 }))).toEqual([{ field: 'inviteMode', rule: 'enum' }]);
  });

  it('too many items in a JSON-in-form array, and a bad item', async () => {
    const many = Array.from({ length: 201 }, (_, i) => String(i + 1));
    expect(await issuesOf(() => nim().qchat.getServers({ serverIds: many }))).toEqual([{ field: 'serverIds', rule: 'maxItems' }]);
    expect(await issuesOf(() => nim().qchat.getServers({ serverIds: ['1', 'x2'] }))).toEqual([{ field: 'serverIds[1]', rule: 'pattern' }]);
  });

  it('a misspelled field the vendor would silently ignore', async () => {
    const body = { accid: 'a', avator: 'x' } as unknown as QchatCreateServerRequest;
    expect(await issuesOf(() => nim().qchat.createServer(body))).toEqual([{ field: 'avator', rule: 'additionalProperties' }]);
  });

  it('reports every problem at once, with readable messages', async () => {
    server.requests.length = 0;
    const body = { name: 'x'.repeat(65), inviteMode: 7 } as unknown as QchatCreateServerRequest;
    const error = (await nim().qchat.createServer(body).catch((e: unknown) => e)) as NimValidationError;
    expect(error.issues.map((i) => i.rule).sort()).toEqual(['enum', 'maxLength', 'required']);
    expect(error.message).toContain('name must NOT have more than 64 characters (maxLength)');
    expect(error.message).toContain('inviteMode must be one of [0,1] (enum)');
    expect(error.operationId).toBe('qchatCreateServer');
  });

  it('a body that is not an object', async () => {
    expect(await issuesOf(() => nim().qchat.createServer(null as never))).toEqual([{ field: '', rule: 'type' }]);
  });

  it('a valid body is sent', async () => {
    server.requests.length = 0;
    await nim().qchat.createServer({ accid: 'a', name: '圈'.repeat(64), inviteMode: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('turning it off', () => {
  it('validate: false on the client or the call sends the body as is', async () => {
    server.requests.length = 0;
    const off = createNimClient({ appKey: 'k', appSecret: 'validation-secret', baseUrl: server.url, retry: false, validate: false });
    await off.qchat.createServer({ accid: 'a', name: 'x'.repeat(65) });
    await nim().qchat.createServer({ accid: 'a', name: 'x'.repeat(65) }, { validate: false });
    expect(server.requests).toHaveLength(2);
  });

  it("'@nimkit/client/core' does not validate, and says so when asked to", async () => {
    server.requests.length = 0;
    const core = createCoreClient({ appKey: 'k', appSecret: 'validation-secret', baseUrl: server.url, retry: false });
    await core.qchat.createServer({ accid: 'a', name: 'x'.repeat(65) });
    expect(server.requests).toHaveLength(1);
    expect(() => createCoreClient({ appKey: 'k', appSecret: 'validation-secret', validate: true })).toThrow(/validators/);
    await expect(core.qchat.createServer({ accid: 'a' }, { validate: true })).rejects.toThrow(/@nimkit\/client/);
  });
});
