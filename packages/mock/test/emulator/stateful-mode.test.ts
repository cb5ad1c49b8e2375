// Stateful mode as a whole: the default mode, per-AppKey state, ids and clock options, accounts, Prefer still forcing
// an example, arrival order under 50 concurrent callers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, MAX_APPS } from '../../src/emulator/emulator.js';
import { createAppQueues } from '../../src/emulator/queue.js';
import { startMock, type RunningMock } from '../../src/index.js';
import { call, control, createRoom, idIn } from '../support/emulator.js';
import { APP_KEY, operations, postRaw, sampleBody, sign, startTestMock, toForm } from '../support/mock.js';
import { parseCli } from '../../src/cli.js';

const started: RunningMock[] = [];
async function stateful(options = {}) {
  const mock = await startTestMock({ mode: 'stateful', ...options });
  started.push(mock);
  return mock;
}
afterAll(() => Promise.all(started.map((m) => m.close())));

describe('modes', () => {
  it('startMock() is stateful by default; health reports the mode and no operation without a model', async () => {
    const mock = await startMock({ port: 0, log: false });
    started.push(mock);
    expect(mock.mode).toBe('stateful');
    const health = await (await fetch(mock.url + '/health')).json();
    expect(health).toMatchObject({ status: 'ok', mode: 'stateful', operations: operations.length, unmodelled: [] });
  });

  it.each(['examples', 'dynamic'] as const)('%s mode is reported and has no state', async (mode) => {
    const mock = await startTestMock({ mode });
    started.push(mock);
    const health = await (await fetch(mock.url + '/health')).json();
    expect(health.mode).toBe(mode);
    expect(health.unmodelled).toBeUndefined();
  });

  it('the CLI: no flag is stateful, --dynamic is --mode dynamic, bad combinations are refused', () => {
    expect(parseCli([]).options?.mode).toBe('stateful');
    expect(parseCli(['--dynamic']).options?.mode).toBe('dynamic');
    expect(parseCli(['--mode', 'examples']).options?.mode).toBe('examples');
    expect(parseCli(['--mode', 'examples', '--dynamic']).error).toMatch(/--dynamic conflicts with --mode examples/);
    expect(parseCli(['--mode', 'examples', '--state-file', 'x']).error).toMatch(/--state-file only applies to the stateful mode/);
    expect(parseCli(['--id-start=-1']).error).toMatch(/--id-start must be an integer/);
    expect(parseCli(['--id-start', '9223372036854775808']).error).toMatch(/--id-start must be an integer/);
    expect(parseCli(['--callback-url', 'ftp://x']).error).toMatch(/--callback-url must be an http\(s\) URL/);
    expect(parseCli(['--id-start', '9223372036854775807', '--clock', '1700000000000', '--max-messages', '5']).options).toMatchObject({
      idStart: 9223372036854775807n,
      clock: 1700000000000,
      maxMessages: 5,
    });
    expect(parseCli([], { NIM_MOCK_CONTROL_TOKEN: 'from-env' }).options?.controlToken).toBe('from-env');
  });

  it('Prefer: example=<name> still forces the example and leaves the state alone', async () => {
    const mock = await stateful();
    const forced = await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'x' }, { ...sign(), Prefer: 'example=ok' });
    expect(forced.json.code).toBe(200);
    expect(idIn(forced.text)).toBe('66'); // the spec's example room
    const notFound = await call(mock, '/chatroom/get.action', { roomid: 66 }, { ...sign(), Prefer: 'example=notFound' });
    expect(notFound.json.code).toBe(404);
    expect((await control(mock, 'GET', '/_mock/state')).json.apps).toEqual({});
  });
});

describe('apps, ids, clock and accounts', () => {
  it('--no-auth: each AppKey header has its own state and its own ids', async () => {
    const mock = await stateful({ auth: false, idStart: 500 });
    const a = await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'a' }, { AppKey: 'app-a' });
    const b = await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'b' }, { AppKey: 'app-b' });
    expect([idIn(a.text), idIn(b.text)]).toEqual(['500', '500']);
    expect((await call(mock, '/chatroom/get.action', { roomid: 500 }, { AppKey: 'app-a' })).json.chatroom.name).toBe('a');
    expect((await call(mock, '/chatroom/get.action', { roomid: 500 }, { AppKey: 'app-b' })).json.chatroom.name).toBe('b');
    expect(Object.keys((await control(mock, 'GET', '/_mock/state')).json.apps).sort()).toEqual(['app-a', 'app-b']);
  });

  it('a --no-auth mock keeps at most MAX_APPS apps (HTTP 503, a mock answer, beyond), freed by a reset', () => {
    const emulator = createEmulator({ operationIds: ['chatroomCreate'], idStart: 1n, now: Date.now, maxMessages: 10, maxApps: 2 });
    const create = (appKey: string) => emulator.apply(appKey, 'chatroomCreate', 'creator=qa_alice&name=x');
    expect([create('a').body.code, create('b').body.code, create('a').body.code]).toEqual([200, 200, 200]);
    expect(create('c')).toEqual({ status: 503, body: { code: 503, desc: expect.stringMatching(/already holds 2 apps; POST \/_mock\/reset/) } });
    emulator.reset();
    expect(create('c').body.code).toBe(200);
    expect(MAX_APPS).toBe(1000);
  });

  it('with auth on, every request is the configured app', async () => {
    const mock = await stateful();
    await createRoom(mock);
    expect(Object.keys((await control(mock, 'GET', '/_mock/state')).json.apps)).toEqual([APP_KEY]);
  });

  it('idStart sets the first id exactly (up to 2^63-1); clock freezes the times the models stamp', async () => {
    const mock = await stateful({ idStart: 2n ** 63n - 2n, clock: 1_700_000_000_123 });
    const roomid = await createRoom(mock);
    expect(roomid).toBe(String(2n ** 63n - 2n));
    const sent = await call(mock, '/chatroom/sendMsg.action', { roomid, msgId: 'm1', fromAccid: 'qa_alice', msgType: 0, attach: 'hi' });
    // The frozen clock, plus the model's own tie-breaking step that keeps message times distinct.
    expect(Number(sent.json.desc.time) - 1_700_000_000_123).toBeGreaterThanOrEqual(0);
    expect(Number(sent.json.desc.time) - 1_700_000_000_123).toBeLessThan(10);
  });

  it('accounts: an accid not listed is refused with 404; without the list every accid exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nim-mock-accounts-'));
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify(['qa_alice']));
    const parsed = parseCli(['--accounts', join(dir, 'accounts.json')]);
    expect(parsed.options?.accounts).toEqual(['qa_alice']);
    const mock = await stateful({ accounts: parsed.options!.accounts });
    expect((await call(mock, '/chatroom/create.action', { creator: 'qa_alice', name: 'ok' })).json.code).toBe(200);
    expect((await call(mock, '/chatroom/create.action', { creator: 'qa_nobody', name: 'no' })).json).toEqual({ code: 404, desc: 'creator qa_nobody does not exist' });
    expect(parseCli(['--accounts', join(dir, 'missing.json')]).error).toMatch(/--accounts: cannot read a JSON list/);
  });
});

describe('arrival order', () => {
  it('the per-app line releases turns in arrival order, whatever order the work finishes in', async () => {
    const enter = createAppQueues();
    const applied: number[] = [];
    await Promise.all(
      [30, 10, 20, 0].map(async (delay, i) => {
        const ticket = enter('app');
        await new Promise((resolve) => setTimeout(resolve, delay)); // validation of different length
        await ticket.turn();
        applied.push(i);
        ticket.release();
      }),
    );
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it('50 concurrent callers offering to one chatroom queue: every element there once, none lost', async () => {
    const mock = await stateful();
    const roomid = await createRoom(mock);
    expect((await call(mock, '/chatroom/queueInit.action', { roomid, sizeLimit: 1000 })).json.code).toBe(200);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(mock, '/chatroom/queueOffer.action', { roomid, key: `k${i}`, value: `v${i}` })));
    expect(answers.map((a) => a.json.code)).toEqual(Array(50).fill(200));
    const list = (await call(mock, '/chatroom/queueList.action', { roomid })).json.desc.list as Record<string, string>[];
    const keys = list.map((e) => Object.keys(e)[0]);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    expect(list.every((e) => Object.entries(e).every(([k, v]) => v === `v${k.slice(1)}`))).toBe(true);
    // The queue holds the offers in the order the mock applied them, which is the order it received them in.
    const order = (await control(mock, 'GET', '/_mock/requests?operationId=chatroomQueueOffer')).json.requests.map((e: any) => e.fields.key);
    expect(keys).toEqual(order);
  });

  it('50 concurrent creates get 50 distinct, consecutive ids', async () => {
    const mock = await stateful({ idStart: 1000 });
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => createRoom(mock, 'qa_alice', `room ${i}`)));
    expect([...ids].map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 1000 + i));
  });
});

describe('validation is the same in every mode', () => {
  it('every operation: a body missing a required field, or with a non-integer for an integer field, gets the same 414 in stateful and examples mode', async () => {
    const examples = await startTestMock();
    started.push(examples);
    const statefulMock = await stateful();
    let compared = 0;
    for (const op of operations) {
      const base = sampleBody(op.path);
      const broken: Record<string, unknown>[] = (op.request.required ?? []).map((field) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== field)));
      const integer = Object.entries(op.request.properties ?? {}).find(([, s]) => s?.type === 'integer')?.[0];
      if (integer) broken.push({ ...base, [integer]: 'not-a-number' });
      for (const body of broken) {
        const [a, b] = await Promise.all([postRaw(examples, op.path, toForm(body)), postRaw(statefulMock, op.path, toForm(body))]);
        expect(b.json, `${op.operationId} ${toForm(body)}`).toEqual(a.json);
        expect(a.json.code).toBe(414);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(operations.length);
  });
});
