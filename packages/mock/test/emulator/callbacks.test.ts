// Callbacks (抄送): delivered to a loopback receiver with the vendor's headers, checked here with an independent
// MD5/SHA-1 (the client's verifyCallback runs in packages/contract-tests/test/emulator/callbacks.test.ts); retried,
// given up and logged; emitted by the models only for calls that succeeded.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createCallbacks } from '../../src/emulator/callbacks.js';
import { chatroomMessageEvent, chatroomQueueEvent, QUEUE_EVENTS } from '../../src/emulator/events.js';
import type { RunningMock } from '../../src/index.js';
import { call, control, createRoom } from '../support/emulator.js';
import { APP_KEY, APP_SECRET, startTestMock } from '../support/mock.js';
import { startReceiver } from '../support/receiver.js';

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const closers: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(closers.map((c) => c())));

async function receiver(statuses?: number[]) {
  const r = await startReceiver(statuses);
  closers.push(r.close);
  return r;
}

/** The vendor's check: MD5 is md5(raw body), CheckSum is sha1(AppSecret + MD5 + CurTime), CurTime Unix ms. */
function expectSigned({ headers, body }: { headers: Record<string, any>; body: string }, appKey = APP_KEY) {
  expect(headers['content-type']).toBe('application/json');
  expect(headers.appkey).toBe(appKey);
  expect(headers.curtime).toMatch(/^\d{13}$/);
  expect(headers.md5).toBe(hex('md5', body));
  expect(headers.checksum).toBe(hex('sha1', APP_SECRET + headers.md5 + headers.curtime));
}

describe('delivery', () => {
  const event = { eventType: '4', body: { roomId: '9007199254741993', msgType: 'TEXT' } };

  it('POSTs the event as JSON with AppKey, CurTime, MD5 and CheckSum, in emitted order', async () => {
    const r = await receiver();
    const lines: string[] = [];
    const cb = createCallbacks({ url: r.url, appSecret: APP_SECRET, log: (l) => lines.push(l) });
    cb.enqueue(APP_KEY, [event, { eventType: '14', body: { qEvent: '1' } }]);
    await cb.idle();
    expect(r.received.map((x) => JSON.parse(x.body))).toEqual([
      { eventType: '4', roomId: '9007199254741993', msgType: 'TEXT' },
      { eventType: '14', qEvent: '1' },
    ]);
    r.received.forEach((x) => expectSigned(x));
    expect(lines[0]).toMatch(/callback eventType=4 delivered after 1 attempt/);
    expect(cb.log().map((d) => d.ok)).toEqual([true, true]);
  });

  it('retries a receiver that answers other than HTTP 200 or not at all, then delivers', async () => {
    const r = await receiver([500, 0, 200]);
    const cb = createCallbacks({ url: r.url, appSecret: APP_SECRET, retries: 3, retryDelayMs: 5, timeoutMs: 200 });
    cb.enqueue(APP_KEY, [event]);
    await cb.idle();
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    expect(cb.log()).toEqual([expect.objectContaining({ ok: true, attempts: 3, status: 200 })]);
  });

  it('gives up after the retries, logs it, and goes on with the next event', async () => {
    const r = await receiver([503, 503, 503]);
    const lines: string[] = [];
    const cb = createCallbacks({ url: r.url, appSecret: APP_SECRET, retries: 2, retryDelayMs: 5, log: (l) => lines.push(l) });
    cb.enqueue(APP_KEY, [event, { eventType: '14', body: {} }]);
    await cb.idle();
    expect(lines[0]).toMatch(/callback eventType=4 GAVE UP after 3 attempt\(s\) \(HTTP 503\)/);
    expect(lines[1]).toMatch(/callback eventType=14 delivered after 1 attempt/);
  });

  it('a receiver that is not there: the network error is logged', async () => {
    const lines: string[] = [];
    const cb = createCallbacks({ url: 'http://127.0.0.1:9/nothing', appSecret: APP_SECRET, retries: 1, retryDelayMs: 5, log: (l) => lines.push(l) });
    cb.enqueue(APP_KEY, [event]);
    await cb.idle();
    expect(lines[0]).toMatch(/GAVE UP after 2 attempt\(s\) \(fetch failed\)/);
  });
});

describe('event builders: the vendor-documented bodies', () => {
  it('聊天室消息抄送 (eventType 4): strings, the vendor names, fromClientType REST', () => {
    const e = chatroomMessageEvent({ roomid: 2n ** 60n, fromAccount: 'qa_alice', msgType: 100, msgidClient: 'm1', attach: '{"a":1}', timestamp: 1_700_000_000_000 });
    expect(e).toEqual({
      eventType: '4',
      body: { roomId: String(2n ** 60n), msgidClient: 'm1', fromAccount: 'qa_alice', fromClientType: 'REST', msgType: 'CUSTOM', attach: '{"a":1}', msgTimestamp: '1700000000000', resendFlag: '0', roleInfoTimetag: '0' },
    });
  });

  it('聊天室队列操作事件抄送 (eventType 14): elements and keys as JSON text, fromWebApi "true"', () => {
    const e = chatroomQueueEvent({ roomid: '42', qEvent: QUEUE_EVENTS.add, operator: 'qa_alice', belongTo: 'qa_alice', elements: { k1: 'v1' }, transient: false, timestamp: 5 });
    expect(e).toEqual({
      eventType: '14',
      body: { roomid: '42', qEvent: '2', fromWebApi: 'true', operator: 'qa_alice', belongTo: 'qa_alice', elements: '{"k1":"v1"}', transient: 'false', operationTime: 5 },
    });
  });
});

describe('through the mock (--callback-url)', () => {
  let mock: RunningMock;

  it('chatroom/sendMsg sends 聊天室消息抄送; a refused call sends nothing; GET /_mock/callbacks lists deliveries', async () => {
    const r = await receiver();
    mock = await startTestMock({ mode: 'stateful', callbackUrl: r.url });
    closers.push(() => mock.close());
    const roomid = await createRoom(mock);
    expect((await call(mock, '/chatroom/sendMsg.action', { roomid: '1', msgId: 'nope', fromAccid: 'qa_alice', msgType: 0, attach: 'x' })).json.code).toBe(404);
    expect((await call(mock, '/chatroom/sendMsg.action', { roomid, msgId: 'm1', fromAccid: 'qa_alice', msgType: 0, attach: 'hello' })).json.code).toBe(200);
    await r.count(1);
    const messages = r.received.map((x) => JSON.parse(x.body)).filter((b) => b.eventType === '4');
    expect(messages).toEqual([expect.objectContaining({ eventType: '4', roomId: roomid, fromAccount: 'qa_alice', msgidClient: 'm1', msgType: 'TEXT', attach: 'hello' })]);
    r.received.forEach((x) => expectSigned(x));
    const log = (await control(mock, 'GET', '/_mock/callbacks')).json;
    expect(log.url).toBe(r.url);
    expect(log.deliveries.some((d: any) => d.eventType === '4' && d.ok)).toBe(true);
  });
});
