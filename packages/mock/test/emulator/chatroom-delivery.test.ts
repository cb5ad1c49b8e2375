// Chatroom messages beyond sendMsg in the emulator: directed messages (sendMsgToSomeone), batches of messages (to the
// room or to some members), the app-wide broadcast, and then recall and deletion from the cloud history.
import { describe, expect, it } from 'vitest';
import { T0, chatroomApp } from './chatroom-harness.js';

const stored = (app: ReturnType<typeof chatroomApp>, roomid: string) => app.ctx.state.chatroom.rooms[roomid].messages;

describe('chatroom directed and batch messages', () => {
  it('sends a directed message like sendMsg, kept for recall but out of the cloud history', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const { desc } = app.call('chatroomSendMsgToSomeone', { roomid, fromAccid: 'alice', toAccids: ['bob', 'carol', 'bob'], msgId: 'd-1', msgType: 0, attach: 'psst' });
    expect(desc).toEqual({ time: String(T0 + 1), msgid_client: 'd-1', fromClientType: 'REST', attach: 'psst', roomId: roomid, fromAccount: 'alice', type: '0' });
    expect(stored(app, roomid)).toMatchObject([{ msgidClient: 'd-1', to: ['bob', 'carol'], skipHistory: true }]);
    expect(app.events.map((e) => e.eventType)).toEqual(['4']);
  });

  it('refuses a receiver the app does not have (404 with --accounts)', () => {
    const app = chatroomApp({ accounts: ['owner', 'alice'] });
    const roomid = app.room('owner');
    const refusal = app.refuse('chatroomSendMsgToSomeone', { roomid, fromAccid: 'alice', toAccids: ['ghost'], msgId: 'd-2', msgType: 0 });
    expect(refusal).toEqual({ code: 404, desc: 'toAccids ghost does not exist' });
  });

  it('answers a batch with success and fail lists keyed by msgId', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const msgList = [
      { msgId: 'b-1', msgType: 0, attach: 'one' },
      { msgId: 'b-2', msgType: 100, attach: '{"k":1}', ext: 'e' },
      { msgId: 'b-1', msgType: 0, attach: 'again' },
    ];
    const body = app.call('chatroomBatchSendMsg', { roomid, fromAccid: 'alice', msgList });
    expect(body.success.map((s: any) => Object.keys(s)[0])).toEqual(['b-1', 'b-2']);
    expect(body.success[1]['b-2']).toMatchObject({ msgid_client: 'b-2', type: '100', ext: 'e', roomId: roomid });
    expect(body.fail).toEqual([{ 'b-1': 'msgId repeated in msgList' }]);
    expect(stored(app, roomid).map((m: any) => m.msgidClient)).toEqual(['b-1', 'b-2']);
    // A resend of a message the room holds answers the original.
    const again = app.call('chatroomBatchSendMsg', { roomid, fromAccid: 'alice', msgList: [{ msgId: 'b-1', msgType: 0, resendFlag: 1 }] });
    expect(again.success).toEqual([{ 'b-1': body.success[0]['b-1'] }]);
    const directed = app.call('chatroomBatchSendMsgToSomeone', { roomid, fromAccid: 'alice', toAccids: ['bob'], msgList: [{ msgId: 'b-3', msgType: 0 }] });
    expect(directed.fail).toEqual([]);
    expect(stored(app, roomid).at(-1)).toMatchObject({ msgidClient: 'b-3', to: ['bob'], skipHistory: true });
  });

  it('refuses a whole batch from a sender who may not speak (13004), and into a closed room (13002)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'quiet', opt: -2, optvalue: true });
    expect(app.refuse('chatroomBatchSendMsg', { roomid, fromAccid: 'quiet', msgList: [{ msgId: 'x', msgType: 0 }] }).code).toBe(13004);
    expect(app.refuse('chatroomSendMsgToSomeone', { roomid, fromAccid: 'quiet', toAccids: ['a'], msgId: 'y', msgType: 0 }).code).toBe(13004);
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomBatchSendMsgToSomeone', { roomid, fromAccid: 'owner', toAccids: ['a'], msgList: [{ msgId: 'z', msgType: 0 }] }).code).toBe(13002);
    expect(stored(app, roomid)).toEqual([]);
  });

  it('reports an item beyond the high-priority rate in fail and sends the rest', () => {
    const app = chatroomApp({ clock: T0 });
    const roomid = app.room();
    const msgList = Array.from({ length: 10 }, (_, i) => ({ msgId: `h${i}`, msgType: 0 }));
    app.call('chatroomBatchSendMsg', { roomid, fromAccid: 'a', msgList, highPriority: true });
    const body = app.call('chatroomBatchSendMsg', { roomid, fromAccid: 'a', msgList: [{ msgId: 'h10', msgType: 0 }], highPriority: true, forbiddenIfHighPriorityMsgFreq: 1 });
    expect(body.success).toEqual([]);
    expect(Object.keys(body.fail[0])).toEqual(['h10']);
  });
});

describe('chatroom broadcast', () => {
  it('answers the message without a room, stores nothing, and takes 10 calls a minute (416 beyond)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const { desc } = app.call('chatroomBroadcast', { msgId: 'bc-1', fromAccid: 'owner', msgType: 0, attach: 'hello all' });
    expect(desc).toEqual({ msgid_client: 'bc-1', time: String(T0 + 1), fromAccount: 'owner', type: '0' });
    expect(stored(app, roomid)).toEqual([]);
    for (let i = 2; i <= 10; i++) app.call('chatroomBroadcast', { msgId: `bc-${i}`, fromAccid: 'owner', msgType: 0 });
    expect(app.refuse('chatroomBroadcast', { msgId: 'bc-11', fromAccid: 'owner', msgType: 0 }).code).toBe(416);
    app.advance(60_000);
    app.call('chatroomBroadcast', { msgId: 'bc-12', fromAccid: 'owner', msgType: 0 });
  });

  it('refuses a sender the app does not have (404 with --accounts)', () => {
    const app = chatroomApp({ accounts: ['owner'] });
    expect(app.refuse('chatroomBroadcast', { msgId: 'x', fromAccid: 'ghost', msgType: 0 })).toEqual({ code: 404, desc: 'fromAccid ghost does not exist' });
  });
});

describe('chatroom recall and history deletion', () => {
  it('recalls a message named by msgId, sender and time: by its sender or an admin, once (417 again)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const sent = app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'r-1', msgType: 0 }).desc;
    const recall = { roomid, msgId: 'r-1', fromAcc: 'alice', msgTimetag: Number(sent.time) };
    expect(app.refuse('chatroomRecall', { ...recall, operatorAcc: 'bob' }).code).toBe(403);
    expect(app.refuse('chatroomRecall', { ...recall, msgTimetag: Number(sent.time) + 1, operatorAcc: 'alice' }).code).toBe(404);
    expect(app.call('chatroomRecall', { ...recall, operatorAcc: 'alice' })).toEqual({ code: 200 });
    expect(app.refuse('chatroomRecall', { ...recall, operatorAcc: 'owner' }).code).toBe(417);
    const other = app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'r-2', msgType: 0 }).desc;
    app.call('chatroomRecall', { roomid, msgId: 'r-2', fromAcc: 'alice', msgTimetag: Number(other.time), operatorAcc: 'owner' });
    expect(stored(app, roomid).map((m: any) => [m.msgidClient, m.recalled])).toEqual([
      ['r-1', true],
      ['r-2', true],
    ]);
  });

  it('deletes a message from the cloud history by sender and time; what never reached it is 404', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const kept = app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'h-1', msgType: 0 }).desc;
    const skipped = app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'h-2', msgType: 0, skipHistory: 1 }).desc;
    expect(app.refuse('chatroomDeleteHistoryMessage', { roomid, fromAcc: 'alice', msgTimetag: Number(skipped.time) }).code).toBe(404);
    expect(app.call('chatroomDeleteHistoryMessage', { roomid, fromAcc: 'alice', msgTimetag: Number(kept.time) })).toEqual({ code: 200 });
    expect(app.refuse('chatroomDeleteHistoryMessage', { roomid, fromAcc: 'alice', msgTimetag: Number(kept.time) }).code).toBe(404);
    expect(app.refuse('chatroomRecall', { roomid, msgId: 'h-1', fromAcc: 'alice', msgTimetag: Number(kept.time), operatorAcc: 'alice' }).code).toBe(404);
    expect(stored(app, roomid).map((m: any) => m.msgidClient)).toEqual(['h-2']);
  });
});
