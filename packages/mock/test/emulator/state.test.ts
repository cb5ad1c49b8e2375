// Snapshots and the state file: what is saved and loaded answers exactly as before; a large snapshot is written in
// pieces while other apps are served.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../../src/index.js';
import { call, control, createRoom, idIn } from '../support/emulator.js';
import { APP_KEY, startTestMock } from '../support/mock.js';

const CLOCK = 1_760_000_000_000;
const started: RunningMock[] = [];
async function stateful(options = {}) {
  const mock = await startTestMock({ mode: 'stateful', clock: CLOCK, ...options });
  started.push(mock);
  return mock;
}
afterAll(() => Promise.all(started.map((m) => m.close())));

/** A room with members, a queue and messages, built through the vendor API. */
async function buildRoom(mock: RunningMock) {
  const roomid = await createRoom(mock, 'qa_alice', 'snapshot room');
  await call(mock, '/chatroom/setMemberRole.action', { roomid, operator: 'qa_alice', target: 'qa_bob', opt: 1, optvalue: true });
  await call(mock, '/chatroom/queueInit.action', { roomid, sizeLimit: 10 });
  for (const key of ['k1', 'k2']) await call(mock, '/chatroom/queueOffer.action', { roomid, key, value: `v-${key}` });
  for (let i = 0; i < 3; i++) await call(mock, '/chatroom/sendMsg.action', { roomid, msgId: `m${i}`, fromAccid: 'qa_alice', msgType: 0, attach: `hello ${i}` });
  return roomid;
}

/** A snapshot of `mock` with `roomCount` copies of a new room holding `messageCount` messages each (not loaded). */
async function largeState(mock: RunningMock, roomCount: number, messageCount: number, attach: (i: number) => string) {
  const roomid = await createRoom(mock);
  const template = (await control(mock, 'GET', '/_mock/state')).json;
  const app = template.apps[APP_KEY];
  const room = app.state.chatroom.rooms[roomid];
  const rooms: Record<string, unknown> = {};
  for (let r = 0; r < roomCount; r++) {
    const id = String(BigInt(roomid) + BigInt(r));
    rooms[id] = { ...room, roomid: id, messages: Array.from({ length: messageCount }, (_, i) => ({ msgidClient: `m${r}-${i}`, time: CLOCK + i, from: 'qa_alice', type: 0, attach: attach(i) })) };
  }
  app.state.chatroom.rooms = rooms;
  app.lastId = String(BigInt(roomid) + BigInt(roomCount));
  return { template, roomid };
}

/** Read-only calls whose answers must not change across a save and load. */
const reads = (roomid: string) => [
  ['/chatroom/get.action', { roomid, needOnlineUserCount: true }],
  ['/chatroom/queueList.action', { roomid }],
  ['/chatroom/queryMembersByRole.action', { roomid, roles: JSON.stringify({ creator: true, manager: true }) }],
  ['/stats/chatroom/topn.action', {}],
] as const;

describe('snapshots', () => {
  it('a snapshot loaded into another mock answers every read the same, and the next id continues', async () => {
    const a = await stateful();
    const roomid = await buildRoom(a);
    const before = await Promise.all(reads(roomid).map(([p, f]) => call(a, p, f)));
    expect(before.every((r) => r.json.code === 200)).toBe(true);

    const snapshot = await control(a, 'GET', '/_mock/state');
    const b = await stateful();
    expect((await control(b, 'PUT', '/_mock/state', snapshot.json)).status).toBe(200);
    const after = await Promise.all(reads(roomid).map(([p, f]) => call(b, p, f)));
    expect(after.map((r) => r.text)).toEqual(before.map((r) => r.text));

    const nextA = await call(a, '/chatroom/create.action', { creator: 'qa_alice', name: 'next' });
    const nextB = await call(b, '/chatroom/create.action', { creator: 'qa_alice', name: 'next' });
    expect(nextB.text).toBe(nextA.text);
    expect(BigInt(idIn(nextA.text)!)).toBe(BigInt(roomid) + 1n);
  });

  it('a large state is written in pieces: another app is answered before the snapshot is complete', async () => {
    const mock = await stateful({ auth: false });
    const { template } = await largeState(mock, 100, 1000, () => 'x'.repeat(40));
    expect((await control(mock, 'PUT', '/_mock/state', template)).status).toBe(200);

    const order: string[] = [];
    const snapshot = control(mock, 'GET', '/_mock/state').then((r) => {
      order.push('snapshot');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 5)); // the snapshot has started
    const other = call(mock, '/chatroom/create.action', { creator: 'qa_bob', name: 'other app' }, { AppKey: 'other-app' }).then((r) => {
      order.push('other app');
      return r;
    });
    const [big, small] = await Promise.all([snapshot, other]);
    expect(small.json.code).toBe(200);
    expect(Object.keys(big.json.apps[APP_KEY].state.chatroom.rooms)).toHaveLength(100);
    expect(order).toEqual(['other app', 'snapshot']);
  });
});

/** A PUT with node:http (one write of the whole body); resolves to the answer's text. */
function put(url: URL, body: Uint8Array) {
  return new Promise<string>((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve(text)).on('error', reject);
    });
    req.on('error', reject).end(body);
  });
}

describe('loading a snapshot (PUT /_mock/state)', () => {
  it('a large snapshot is parsed in slices: another app keeps being answered while it loads', async () => {
    const mock = await stateful({ auth: false });
    const { template, roomid } = await largeState(mock, 40, 5000, (i) => `{"text":"x\u00e9 ${i}"}`);
    const text = JSON.stringify(template);
    expect(text.length).toBeGreaterThan(20_000_000);

    // The other app asks one question after another until the load is answered; every answer's time is kept.
    const other = () => call(mock, '/chatroom/create.action', { creator: 'qa_bob', name: 'other app' }, { AppKey: 'other-app' });
    expect((await other()).json.code).toBe(200); // the other app exists before the clock starts
    const bytes = new TextEncoder().encode(text); // encoded before too: the test's own work is not the mock's
    const start = performance.now();
    let loaded = false;
    const load = put(new URL('/_mock/state', mock.url), bytes).finally(() => {
      loaded = true;
    });
    const answeredAt = [start];
    while (!loaded) {
      expect((await other()).json.code).toBe(200);
      answeredAt.push(performance.now());
    }
    const loadAnswer = await load;
    const total = performance.now() - start;
    expect(JSON.parse(loadAnswer)).toEqual({ loaded: [APP_KEY] });
    const gaps = answeredAt.slice(1).map((t, i) => t - answeredAt[i]!);
    // Ratios within this run, not absolute times: parsed at once, the longest wait would be most of the load.
    expect(answeredAt.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(total / 5);

    const back = (await control(mock, 'GET', `/_mock/state?appKey=${APP_KEY}`)).json;
    expect(Object.keys(back.apps[APP_KEY].state.chatroom.rooms)).toHaveLength(40);
    expect(back.apps[APP_KEY].state.chatroom.rooms[roomid].messages[4999].attach).toBe('{"text":"x\u00e9 4999"}');
  }, 60_000);

  it('a body that is not JSON is a 400 naming the position, and the state is kept', async () => {
    const mock = await stateful();
    const roomid = await createRoom(mock);
    const { status, json } = await control(mock, 'PUT', '/_mock/state', '{"format":"nim-mock-state/1",\n "apps": {,}}');
    expect(status).toBe(400);
    expect(json.desc).toBe(`nim-mock: the body is not JSON: expected a property name in '"' or '}' at position 40 (line 2, column 11), found ","`);
    expect((await call(mock, '/chatroom/get.action', { roomid })).json.code).toBe(200);
  });
});

describe('--state-file', () => {
  it('is loaded on start (when it exists) and saved on a clean close: a restart answers as before', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nim-mock-state-')), 'state.json');
    const first = await startTestMock({ mode: 'stateful', clock: CLOCK, stateFile: file });
    const roomid = await buildRoom(first);
    const before = await Promise.all(reads(roomid).map(([p, f]) => call(first, p, f)));
    expect(existsSync(file)).toBe(false);
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('nim-mock-state/1');

    const second = await stateful({ stateFile: file });
    const after = await Promise.all(reads(roomid).map(([p, f]) => call(second, p, f)));
    expect(after.map((r) => r.text)).toEqual(before.map((r) => r.text));
  });

  it('a file that is not a snapshot stops the start with a clear error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nim-mock-state-')), 'state.json');
    await import('node:fs').then((fs) => fs.writeFileSync(file, '{"apps": []}'));
    await expect(startTestMock({ mode: 'stateful', stateFile: file })).rejects.toThrow(/the state file .*state.json is not a nim-mock state snapshot: a state snapshot needs "apps"/);
  });
});
