// The chatroom queue in the emulator: init with a size limit, offer, poll, list, drop, batch update, transient elements.
import { describe, expect, it } from 'vitest';
import { T0, chatroomApp } from './chatroom-harness.js';

const list = (app: ReturnType<typeof chatroomApp>, roomid: string) =>
  app.call('chatroomQueueList', { roomid }).desc.list.map((entry: Record<string, string>) => Object.entries(entry)[0]);

describe('chatroom queue', () => {
  it('appends new keys, updates existing ones in place, and lists them in order as one-entry objects', () => {
    const app = chatroomApp();
    const roomid = app.room();
    expect(app.call('chatroomQueueInit', { roomid, sizeLimit: 10 })).toEqual({ code: 200, desc: {} });
    for (const [key, value] of [['a', '1'], ['b', '2'], ['a', '3']]) app.call('chatroomQueueOffer', { roomid, key, value });
    expect(app.call('chatroomQueueList', { roomid }).desc.list).toEqual([{ a: '3' }, { b: '2' }]);
  });

  it('refuses a new key beyond the size limit with 419, and a smaller limit than the queue holds', () => {
    const app = chatroomApp();
    const roomid = app.room();
    app.call('chatroomQueueInit', { roomid, sizeLimit: 2 });
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '1' });
    app.call('chatroomQueueOffer', { roomid, key: 'b', value: '2' });
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 'c', value: '3' }).code).toBe(419);
    app.call('chatroomQueueOffer', { roomid, key: 'b', value: 'updated' }); // an update needs no room
    expect(app.refuse('chatroomQueueInit', { roomid, sizeLimit: 1 }).code).toBe(419);
    app.call('chatroomQueueInit', { roomid, sizeLimit: 3 });
    app.call('chatroomQueueOffer', { roomid, key: 'c', value: '3' });
    expect(list(app, roomid)).toEqual([['a', '1'], ['b', 'updated'], ['c', '3']]);
  });

  it('works without queueInit, with the default limit of 50', () => {
    const app = chatroomApp();
    const roomid = app.room();
    for (let i = 0; i < 50; i++) app.call('chatroomQueueOffer', { roomid, key: `k${i}`, value: 'v' });
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 'one-more', value: 'v' }).code).toBe(419);
  });

  it('polls the head or a given key, removing it; 404 for a missing key or an empty queue', () => {
    const app = chatroomApp();
    const roomid = app.room();
    expect(app.refuse('chatroomQueuePoll', { roomid }).code).toBe(404);
    for (const key of ['a', 'b', 'c']) app.call('chatroomQueueOffer', { roomid, key, value: key.toUpperCase() });
    expect(app.call('chatroomQueuePoll', { roomid, key: 'b' }).desc).toEqual({ key: 'b', value: 'B' });
    expect(app.call('chatroomQueuePoll', { roomid }).desc).toEqual({ key: 'a', value: 'A' });
    expect(app.refuse('chatroomQueuePoll', { roomid, key: 'b' }).code).toBe(404);
    expect(list(app, roomid)).toEqual([['c', 'C']]);
  });

  it('drops the whole queue', () => {
    const app = chatroomApp();
    const roomid = app.room();
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '1' });
    expect(app.call('chatroomQueueDrop', { roomid })).toEqual({ code: 200, desc: {} });
    expect(list(app, roomid)).toEqual([]);
  });

  it('batch-updates existing keys only, for the creator or a manager, and names the missing keys', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomQueueOffer', { roomid, key: 'k1', value: 'old' });
    expect(app.refuse('chatroomQueueBatchUpdateElements', { roomid, operator: 'guest', elements: { k1: 'x' } }).code).toBe(403);
    const answer = app.call('chatroomQueueBatchUpdateElements', { roomid, operator: 'owner', elements: { k1: 'new', k2: 'v2' } });
    expect(answer.desc).toEqual({ noExistElementKey: ['k2'] });
    expect(list(app, roomid)).toEqual([['k1', 'new']]);
  });

  it('keeps a transient element only while its operator is in the room', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 't', value: '1', operator: 'bot', transient: true }).code).toBe(403);
    app.call('chatroomAddRobot', { roomid, accids: ['bot'] });
    app.call('chatroomQueueOffer', { roomid, key: 't', value: '1', operator: 'bot', transient: true });
    app.call('chatroomQueueOffer', { roomid, key: 'kept', value: '2', operator: 'bot' });
    app.call('chatroomRemoveRobot', { roomid, accids: ['bot'] });
    expect(list(app, roomid)).toEqual([['kept', '2']]);
    // A robot's 24 hours ending is leaving too.
    app.call('chatroomAddRobot', { roomid, accids: ['bot'] });
    app.call('chatroomQueueOffer', { roomid, key: 't', value: '1', operator: 'bot', transient: true });
    app.advance(24 * 3600 * 1000);
    expect(list(app, roomid)).toEqual([['kept', '2']]);
  });

  it('lets only the creator and managers change the queue of a room with queuelevel 1', () => {
    const app = chatroomApp();
    const roomid = app.room('owner', { queuelevel: 1 });
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 'a', value: '1', operator: 'guest' }).code).toBe(403);
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '1' }); // the operator defaults to the creator
  });

  it('refuses an unknown operator with 404 and queue changes in a closed room with 13002', () => {
    const app = chatroomApp({ accounts: ['owner'] });
    const roomid = app.room('owner');
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 'a', value: '1', operator: 'ghost' }).code).toBe(404);
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomQueueOffer', { roomid, key: 'a', value: '1' }).code).toBe(13002);
    expect(app.refuse('chatroomQueuePoll', { roomid }).code).toBe(13002);
    expect(app.call('chatroomQueueList', { roomid }).desc.list).toEqual([]);
  });
});

describe('chatroom queue callbacks (抄送)', () => {
  it('reports each queue call as eventType 14 with its qEvent, elements and operator', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomAddRobot', { roomid, accids: ['bot'] });
    app.call('chatroomQueueInit', { roomid, sizeLimit: 5 });
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '1' });
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '2', operator: 'bot', transient: true });
    app.call('chatroomQueueBatchUpdateElements', { roomid, operator: 'owner', elements: { a: '3', nope: 'x' } });
    app.call('chatroomQueueList', { roomid });
    app.call('chatroomQueuePoll', { roomid });
    app.call('chatroomQueueDrop', { roomid });
    const queueEvents = app.events.filter((e) => e.eventType === '14').map((e) => e.body);
    expect(queueEvents.map((b) => b['qEvent'])).toEqual(['1', '2', '3', '9', '7', '5', '8']);
    expect(queueEvents[1]).toMatchObject({ roomid, fromWebApi: 'true', operator: 'owner', elements: '{"a":"1"}', transient: 'false' });
    expect(queueEvents[2]).toMatchObject({ operator: 'bot', belongTo: 'bot', elements: '{"a":"2"}', transient: 'true' });
    expect(queueEvents[3]).toMatchObject({ operator: 'owner', elements: '{"a":"3"}' });
    expect(queueEvents[5]).toMatchObject({ elements: '{"a":"3"}' });
    expect(queueEvents.every((b) => b['operationTime'] === T0)).toBe(true);
  });

  it('sends nothing for a refused queue call', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.refuse('chatroomQueuePoll', { roomid });
    app.refuse('chatroomQueueBatchUpdateElements', { roomid, operator: 'guest', elements: { a: '1' } });
    expect(app.events).toEqual([]);
  });
});

describe('chatroom queue batch offer and multi-get', () => {
  it('offers several elements at once, updates keys in place, and reads them back by key in the order asked', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomQueueOffer', { roomid, key: 'a', value: '1' });
    const elements = [
      { key: 'b', value: '2' },
      { key: 'a', value: '1b' },
      { key: 'c', value: '3' },
    ];
    expect(app.call('chatroomQueueBatchOffer', { roomid, elements })).toEqual({ code: 200, desc: { failedKeys: [] } });
    expect(app.call('chatroomQueueList', { roomid }).desc.list).toEqual([{ a: '1b' }, { b: '2' }, { c: '3' }]);
    expect(app.call('chatroomQueueMultiGet', { roomid, keys: ['c', 'missing', 'a', 'c'] }).desc.list).toEqual([{ c: '3' }, { a: '1b' }]);
    const events = app.events.filter((e) => e.eventType === '14').map((e) => [e.body['qEvent'], e.body['elements']]);
    expect(events.slice(1, 4)).toEqual([
      ['2', '{"b":"2"}'],
      ['3', '{"a":"1b"}'],
      ['2', '{"c":"3"}'],
    ]);
  });

  it('reports in failedKeys what cannot be added: beyond the size limit, transient without its owner in the room, an unknown owner', () => {
    const app = chatroomApp({ accounts: ['owner', 'bot'] });
    const roomid = app.room('owner');
    app.call('chatroomQueueInit', { roomid, sizeLimit: 2 });
    app.call('chatroomAddRobot', { roomid, accids: ['bot'] });
    const elements = [
      { key: 'mine', value: '1', accid: 'bot', transient: true },
      { key: 'gone', value: '2', accid: 'owner', transient: true },
      { key: 'who', value: '3', accid: 'ghost' },
      { key: 'kept', value: '4' },
      { key: 'full', value: '5' },
    ];
    expect(app.call('chatroomQueueBatchOffer', { roomid, elements }).desc.failedKeys).toEqual(['gone', 'who', 'full']);
    app.call('chatroomRemoveRobot', { roomid, accids: ['bot'] });
    expect(app.call('chatroomQueueMultiGet', { roomid, keys: ['mine', 'kept'] }).desc.list).toEqual([{ kept: '4' }]);
  });

  it('keeps queuelevel 1 for admins (403), refuses a closed room (13002) and an unknown one (404)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner', { queuelevel: 1 });
    expect(app.refuse('chatroomQueueBatchOffer', { roomid, operator: 'guest', elements: [{ key: 'a', value: '1' }] }).code).toBe(403);
    app.call('chatroomQueueBatchOffer', { roomid, operator: 'owner', elements: [{ key: 'a', value: '1' }] });
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomQueueBatchOffer', { roomid, elements: [{ key: 'b', value: '2' }] }).code).toBe(13002);
    expect(app.call('chatroomQueueMultiGet', { roomid, keys: ['a'] }).desc.list).toEqual([{ a: '1' }]);
    expect(app.refuse('chatroomQueueMultiGet', { roomid: '999', keys: ['a'] }).code).toBe(404);
  });
});
