// The control API (/_mock/): every route, the request journal, each scripted fault kind, and who may use it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkControlAccess, isLoopback } from '../../src/emulator/access.js';
import type { RunningMock } from '../../src/index.js';
import { call, control, createRoom, idIn } from '../support/emulator.js';
import { APP_KEY, APP_SECRET, sign, startTestMock } from '../support/mock.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startTestMock({ mode: 'stateful' });
});
afterAll(() => mock.close());
beforeEach(async () => {
  expect((await control(mock, 'POST', '/_mock/reset')).status).toBe(200);
});

describe('routes', () => {
  it('GET /_mock lists the routes and the mode', async () => {
    const { status, json } = await control(mock, 'GET', '/_mock');
    expect(status).toBe(200);
    expect(json.mode).toBe('stateful');
    expect(json.routes.join('\n')).toMatch(/POST +\/_mock\/reset[\s\S]*GET +\/_mock\/requests[\s\S]*POST +\/_mock\/faults/);
  });

  it('an unknown route is a 404 naming GET /_mock', async () => {
    const { status, json } = await control(mock, 'GET', '/_mock/nope');
    expect(status).toBe(404);
    expect(json.desc).toMatch(/^nim-mock: no control route GET \/_mock\/nope; GET \/_mock lists them$/);
  });

  it('a body that is not JSON is a 400', async () => {
    const { status, json } = await control(mock, 'POST', '/_mock/faults', '{not json');
    expect(status).toBe(400);
    expect(json.desc).toBe('nim-mock: the body is not JSON');
  });

  it('POST /_mock/reset forgets the state: a room read back before is gone after', async () => {
    const roomid = await createRoom(mock);
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(200);
    expect((await control(mock, 'POST', '/_mock/reset')).json).toEqual({ reset: 'all' });
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(404);
  });

  it('POST /_mock/reset {appKey} resets that app only', async () => {
    const roomid = await createRoom(mock);
    expect((await control(mock, 'POST', '/_mock/reset', { appKey: 'another-app' })).json).toEqual({ reset: 'another-app' });
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(200);
    expect((await control(mock, 'POST', '/_mock/reset', { appKey: APP_KEY })).status).toBe(200);
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(404);
    expect((await control(mock, 'POST', '/_mock/reset', { appKey: 7 })).status).toBe(400);
  });

  it('GET /_mock/state is a snapshot; PUT /_mock/state loads it back after a reset', async () => {
    const roomid = await createRoom(mock, 'qa_alice', 'kept');
    const snapshot = await control(mock, 'GET', '/_mock/state');
    expect(snapshot.status).toBe(200);
    expect(snapshot.json.format).toBe('nim-mock-state/1');
    expect(snapshot.json.apps[APP_KEY].lastId).toBe(roomid);
    expect(snapshot.json.apps[APP_KEY].state.chatroom.rooms[roomid].name).toBe('kept');
    expect(Object.keys((await control(mock, 'GET', `/_mock/state?appKey=${APP_KEY}`)).json.apps)).toEqual([APP_KEY]);

    await control(mock, 'POST', '/_mock/reset');
    expect((await control(mock, 'PUT', '/_mock/state', snapshot.json)).json).toEqual({ loaded: [APP_KEY] });
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.chatroom.name).toBe('kept');
  });

  it('PUT /_mock/state refuses what is not a snapshot, naming the problem, and changes nothing', async () => {
    const roomid = await createRoom(mock);
    for (const [bad, message] of [
      [[], /a state snapshot is a JSON object/],
      [{ apps: 1 }, /needs "apps"/],
      [{ apps: { k: { lastId: 'x' } } }, /apps.k.lastId must be a decimal id or null/],
      [{ apps: { k: { state: { nosuchgroup: {} } } } }, /apps.k.state.nosuchgroup: no such group \(known: chatroom, qchat\)/],
      [{ format: 'other/9', apps: {} }, /unknown snapshot format 'other\/9'/],
    ] as const) {
      const { status, json } = await control(mock, 'PUT', '/_mock/state', bad);
      expect(status).toBe(400);
      expect(json.desc).toMatch(message);
    }
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(200);
  });

  it('PUT /_mock/state?merge=true keeps the other apps', async () => {
    const roomid = await createRoom(mock);
    expect((await control(mock, 'PUT', '/_mock/state?merge=true', { apps: { 'other-app': {} } })).json).toEqual({ loaded: ['other-app'] });
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(200);
    expect(Object.keys((await control(mock, 'GET', '/_mock/state')).json.apps).sort()).toEqual([APP_KEY, 'other-app'].sort());
  });
});

describe('the request journal', () => {
  it('records operationId, time, form fields and the answer code, filterable by operationId; never a secret', async () => {
    const roomid = await createRoom(mock, 'qa_alice', 'journal room');
    await call(mock, '/chatroom/get.action', { roomid: '1' }); // refused: 404
    await call(mock, '/chatroom/get.action', { roomid }, { ...sign({ appSecret: 'wrong' }) }); // refused: 414
    const all = (await control(mock, 'GET', '/_mock/requests')).json.requests;
    expect(all.map((e: any) => [e.operationId, e.code])).toEqual([
      ['chatroomCreate', 200],
      ['chatroomGet', 404],
      ['chatroomGet', 414],
    ]);
    expect(all[0]).toMatchObject({ appKey: APP_KEY, path: '/nimserver/chatroom/create.action', fields: { creator: 'qa_alice', name: 'journal room' }, status: 200 });
    expect(typeof all[0].time).toBe('number');
    const text = JSON.stringify(all);
    for (const secret of [APP_SECRET, 'CheckSum', 'Nonce']) expect(text).not.toContain(secret);

    const gets = (await control(mock, 'GET', '/_mock/requests?operationId=chatroomGet')).json.requests;
    expect(gets).toHaveLength(2);
    expect((await control(mock, 'GET', '/_mock/requests?operationId=chatroomGet&limit=1')).json.requests).toEqual([gets[1]]);
  });

  it('leaves out a form field that carries the AppSecret, and DELETE clears it', async () => {
    await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: `leaked ${APP_SECRET}` });
    expect((await control(mock, 'GET', '/_mock/requests')).json.requests[0].fields).toEqual({ creator: 'qa_alice' });
    expect((await control(mock, 'DELETE', '/_mock/requests')).json).toEqual({ cleared: true });
    expect((await control(mock, 'GET', '/_mock/requests')).json.requests).toEqual([]);
  });
});

describe('scripted faults', () => {
  it('"answer the next N calls of X with code Y": counted, then the state answers again, other operations untouched', async () => {
    const roomid = await createRoom(mock);
    const added = await control(mock, 'POST', '/_mock/faults', { operationId: 'chatroomGet', code: 500, times: 2 });
    expect(added.status).toBe(201);
    expect(added.json.fault).toMatchObject({ operationId: 'chatroomGet', code: 500, remaining: 2 });
    expect((await control(mock, 'GET', '/_mock/faults')).json.faults).toHaveLength(1);

    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(mock, '/chatroom/get.action', { roomid })).json);
    expect(codes.map((c) => c.code)).toEqual([500, 500, 200]);
    expect(codes[0].desc).toEqual(expect.any(String)); // the spec's serverError example body
    expect((await control(mock, 'GET', '/_mock/faults')).json.faults).toEqual([]);
    const journal = (await control(mock, 'GET', '/_mock/requests?operationId=chatroomGet')).json.requests;
    expect(journal.map((e: any) => e.fault ?? null)).toEqual([[added.json.fault.id], [added.json.fault.id], null]);
  });

  it('a fault with its own desc; a fault answer does not touch the state', async () => {
    await control(mock, 'POST', '/_mock/faults', { operationId: 'chatroomCreate', code: 419, desc: 'too many rooms' });
    expect((await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'x' })).json).toEqual({ code: 419, desc: 'too many rooms' });
    const state = (await control(mock, 'GET', '/_mock/state')).json;
    expect(Object.keys(state.apps[APP_KEY]?.state.chatroom.rooms ?? {})).toEqual([]);
  });

  it('an invalid call neither uses up a fault nor is answered by it', async () => {
    await control(mock, 'POST', '/_mock/faults', { operationId: 'chatroomGet', code: 500 });
    expect((await call(mock, '/chatroom/get.action', {})).json.code).toBe(414);
    expect((await control(mock, 'GET', '/_mock/faults')).json.faults).toHaveLength(1);
  });

  it('"add D ms of latency to X" delays the answer by at least D', async () => {
    const roomid = await createRoom(mock);
    await control(mock, 'POST', '/_mock/faults', { operationId: 'chatroomGet', latencyMs: 300 });
    const started = performance.now();
    const { json } = await call(mock, '/chatroom/get.action', { roomid });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(json.code).toBe(200);
  });

  it('"drop the connection on the next call" (any operation): the client sees a network error, the next call is answered', async () => {
    await control(mock, 'POST', '/_mock/faults', { drop: true });
    await expect(call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'x' })).rejects.toThrow(/fetch failed/);
    expect((await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'x' })).json.code).toBe(200);
    const journal = (await control(mock, 'GET', '/_mock/requests')).json.requests;
    expect(journal[0]).toMatchObject({ operationId: 'chatroomCreate', code: null, status: null });
  });

  it('POST refuses a malformed fault, naming the field; DELETE clears them all', async () => {
    for (const [bad, message] of [
      [{ code: 500, drop: true }, /exactly one of code, latencyMs, drop \(got code, drop\)/],
      [{}, /exactly one of code, latencyMs, drop \(got none\)/],
      [{ code: 500, times: 0 }, /times must be a positive integer/],
      [{ latencyMs: -1 }, /latencyMs must be an integer 1-600000/],
      [{ code: 500, when: 'later' }, /unknown fault field 'when'/],
      [{ latencyMs: 5, desc: 'x' }, /desc only goes with code/],
    ] as const) {
      const { status, json } = await control(mock, 'POST', '/_mock/faults', bad);
      expect(status, JSON.stringify(bad)).toBe(400);
      expect(json.desc).toMatch(message);
    }
    await control(mock, 'POST', '/_mock/faults', { code: 500 });
    await control(mock, 'POST', '/_mock/faults', { latencyMs: 5 });
    expect((await control(mock, 'DELETE', '/_mock/faults')).json).toEqual({ cleared: 2 });
    expect((await control(mock, 'GET', '/_mock/faults')).json.faults).toEqual([]);
  });
});

describe('who may use the control API', () => {
  it('loopback addresses are recognised', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'qa-farm.internal']) expect(isLoopback(host), host).toBe(false);
  });

  it('beyond loopback without a token: off (403 saying how to turn it on); with one: only with the right Bearer token', () => {
    expect(checkControlAccess({ host: '0.0.0.0' }, {})).toEqual({ status: 403, desc: expect.stringMatching(/control API is off .* 0\.0\.0\.0.*--control-token/) });
    const o = { host: '0.0.0.0', controlToken: 's3cret-token' };
    expect(checkControlAccess(o, { authorization: 'Bearer s3cret-token' })).toBeUndefined();
    for (const authorization of [undefined, '', 'Bearer wrong', 'Basic s3cret-token', 'Bearer s3cret-token-longer']) {
      expect(checkControlAccess(o, { authorization })?.status).toBe(403);
    }
    expect(checkControlAccess({ host: '127.0.0.1' }, {})).toBeUndefined();
  });

  it('on loopback with a token, the token is required too (end to end)', async () => {
    const guarded = await startTestMock({ mode: 'stateful', controlToken: 'qa-token' });
    try {
      const denied = await control(guarded, 'GET', '/_mock/requests');
      expect(denied.status).toBe(403);
      expect(denied.json.desc).toBe('nim-mock: the control API needs Authorization: Bearer <control token>');
      expect((await control(guarded, 'GET', '/_mock/requests', undefined, { Authorization: 'Bearer qa-token' })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('the state routes say why in examples mode (409); the journal and faults work in every mode', async () => {
    const examples = await startTestMock();
    try {
      expect((await control(examples, 'GET', '/_mock/state')).status).toBe(409);
      await control(examples, 'POST', '/_mock/faults', { operationId: 'chatroomGet', code: 500 });
      expect((await call(examples, '/chatroom/get.action', { roomid: 1 })).json.code).toBe(500);
      expect((await call(examples, '/chatroom/get.action', { roomid: 1 })).json.code).toBe(200);
      expect((await control(examples, 'GET', '/_mock/requests')).json.requests.map((e: any) => e.code)).toEqual([500, 200]);
    } finally {
      await examples.close();
    }
  });
});

it('ids are exact 64-bit digits above 2^53 by default', async () => {
  const first = BigInt((await createRoom(mock))!);
  const second = BigInt(idIn((await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'b' })).text)!);
  expect(first > 2n ** 53n).toBe(true);
  expect(second).toBe(first + 1n);
});
