// Chatroom messages, robots and statistics in the emulator: who may speak, the message bound, resends, high
// priority, robots in and out, and statsTopn computed from what was sent.
import { describe, expect, it } from 'vitest';
import { T0, accids, chatroomApp } from './chatroom-harness.js';

const send = (app: ReturnType<typeof chatroomApp>, roomid: string, fromAccid: string, extra: Record<string, unknown> = {}) =>
  app.call('chatroomSendMsg', { roomid, fromAccid, msgId: `m-${Math.random()}`, msgType: 0, attach: 'hi', ...extra });

describe('chatroom sendMsg', () => {
  it('answers the stored message in the vendor form: strings for time, roomId and type', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const { desc } = app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'c-1', msgType: 100, attach: '{"x":1}', ext: 'e' });
    expect(desc).toEqual({ time: String(T0 + 1), msgid_client: 'c-1', fromClientType: 'REST', attach: '{"x":1}', roomId: roomid, fromAccount: 'alice', type: '100', ext: 'e' });
  });

  it("carries the sender's in-room nick and avatar (fromNick, fromAvator)", () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'bob', opt: 2, optvalue: true });
    app.call('chatroomUpdateMyRoomRole', { roomid, accid: 'bob', save: true, nick: 'Bob', avator: 'http://a/bob.png' });
    expect(send(app, roomid, 'bob').desc).toMatchObject({ fromNick: 'Bob', fromAvator: 'http://a/bob.png' });
    expect(send(app, roomid, 'stranger').desc).not.toHaveProperty('fromNick');
  });

  it('keeps at most maxMessages per room, the oldest dropped', () => {
    const app = chatroomApp({ maxMessages: 3 });
    const roomid = app.room();
    for (let i = 0; i < 5; i++) app.call('chatroomSendMsg', { roomid, fromAccid: 'a', msgId: `m${i}`, msgType: 0 });
    expect(app.ctx.state.chatroom.rooms[roomid].messages.map((m: any) => m.msgidClient)).toEqual(['m2', 'm3', 'm4']);
  });

  it('de-duplicates a resend by msgId: the original answers and nothing is stored twice', () => {
    const app = chatroomApp();
    const roomid = app.room();
    const first = app.call('chatroomSendMsg', { roomid, fromAccid: 'a', msgId: 'same', msgType: 0, attach: 'one' });
    app.advance(5_000);
    const again = app.call('chatroomSendMsg', { roomid, fromAccid: 'a', msgId: 'same', msgType: 0, attach: 'one', resendFlag: 1 });
    expect(again).toEqual(first);
    expect(app.ctx.state.chatroom.rooms[roomid].messages).toHaveLength(1);
  });

  it('refuses blocklisted (13003) and muted senders (13004); ignoreMute passes a temporary mute only', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const role = (target: string, opt: number) => app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target, opt, optvalue: true });
    role('troll', -1);
    role('quiet', -2);
    app.call('chatroomTemporaryMute', { roomid, operator: 'owner', target: 'shy', muteDuration: 60 });
    const code = (fromAccid: string, extra = {}) => app.refuse('chatroomSendMsg', { roomid, fromAccid, msgId: 'x', msgType: 0, ...extra }).code;
    expect(code('troll')).toBe(13003);
    expect(code('quiet')).toBe(13004);
    expect(code('quiet', { ignoreMute: true })).toBe(13004);
    expect(code('shy')).toBe(13004);
    send(app, roomid, 'shy', { ignoreMute: true });
  });

  it('lets only the creator and managers speak in a muted room, and nobody in a closed one (13002)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr', opt: 1, optvalue: true });
    app.call('chatroomMuteRoom', { roomid, operator: 'owner', mute: true });
    expect(app.refuse('chatroomSendMsg', { roomid, fromAccid: 'guest', msgId: 'x', msgType: 0 }).code).toBe(13004);
    send(app, roomid, 'owner');
    send(app, roomid, 'mgr');
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomSendMsg', { roomid, fromAccid: 'owner', msgId: 'y', msgType: 0 }).code).toBe(13002);
  });

  it('marks high-priority messages, at most 10 a second per room; beyond that downgraded or refused (403)', () => {
    const app = chatroomApp({ clock: T0 });
    const roomid = app.room();
    const flags = Array.from({ length: 11 }, () => send(app, roomid, 'a', { highPriority: true }).desc.highPriorityFlag);
    expect(flags.slice(0, 10)).toEqual(Array(10).fill(1));
    expect(flags[10]).toBeUndefined();
    expect(app.refuse('chatroomSendMsg', { roomid, fromAccid: 'a', msgId: 'z', msgType: 0, highPriority: true, forbiddenIfHighPriorityMsgFreq: 1 }).code).toBe(403);
    expect(send(app, roomid, 'a', { highPriority: true, abandonRatio: 0 }).desc).not.toHaveProperty('highPriorityFlag');
  });
});

describe('chatroom robots', () => {
  it('adds robots as online members for 24 hours; a repeat is reported as old, a blocklisted one as failed', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'banned', opt: -1, optvalue: true });
    const added = app.call('chatroomAddRobot', { roomid, accids: ['r1', 'r2', 'banned'], roleExt: '{"bot":true}' }).desc;
    expect([accids(added.successAccids), accids(added.failAccids), accids(added.oldAccids)]).toEqual([['r1', 'r2'], ['banned'], []]);
    expect(accids(app.call('chatroomAddRobot', { roomid, accids: ['r1'] }).desc.oldAccids)).toEqual(['r1']);
    expect(app.call('chatroomGet', { roomid, needOnlineUserCount: true }).chatroom.onlineusercount).toBe(2);
    app.advance(3600_000);
    const [r1] = app.call('chatroomQueryMembers', { roomid, accids: ['r1'] }).desc.data;
    expect(r1).toMatchObject({ type: 'TEMPORARY', onlineStat: true, isRobot: true, robotExpirAt: 23 * 3600, ext: '{"bot":true}' });
    app.advance(23 * 3600_000);
    expect(app.call('chatroomGet', { roomid, needOnlineUserCount: true }).chatroom.onlineusercount).toBe(0);
    expect(app.call('chatroomQueryMembers', { roomid, accids: ['r1'] }).desc.data).toEqual([]);
  });

  it('refuses robots that are all blocklisted with 13003, and removes only robots that are there', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'banned', opt: -1, optvalue: true });
    expect(app.refuse('chatroomAddRobot', { roomid, accids: ['banned'] }).code).toBe(13003);
    app.call('chatroomAddRobot', { roomid, accids: ['r1'] });
    const removed = app.call('chatroomRemoveRobot', { roomid, accids: ['r1', 'r9'] }).desc;
    expect([accids(removed.successAccids), accids(removed.failAccids)]).toEqual([['r1'], ['r9']]);
  });

  it('reports an account the app does not have as failed', () => {
    const app = chatroomApp({ accounts: ['owner', 'r1'] });
    const roomid = app.room('owner');
    const added = app.call('chatroomAddRobot', { roomid, accids: ['r1', 'ghost'] }).desc;
    expect([accids(added.successAccids), accids(added.failAccids)]).toEqual([['r1'], ['ghost']]);
  });

  it('kicks a robot that gets blocklisted', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomAddRobot', { roomid, accids: ['r1'] });
    const r1 = app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'r1', opt: -1, optvalue: true }).desc;
    expect(r1).toMatchObject({ type: 'LIMITED', blacklisted: true, onlineStat: false });
    expect(r1).not.toHaveProperty('isRobot');
  });
});

describe('chatroom statsTopn', () => {
  it('ranks rooms by messages, entries or active users of the hour or the day, from what happened', () => {
    const app = chatroomApp();
    const busy = app.room('owner');
    const quiet = app.room('owner');
    app.room('owner'); // nothing happens in it: not ranked
    for (let i = 0; i < 3; i++) send(app, busy, 'alice');
    send(app, busy, 'bob');
    send(app, quiet, 'carol');
    app.call('chatroomAddRobot', { roomid: quiet, accids: ['r1', 'r2', 'r3'] });

    const rank = (fields: Record<string, unknown>) => app.call('chatroomStatsTopn', fields).data;
    const byMessages = rank({ orderby: 'message' });
    expect(byMessages.map((r: any) => [String(r.roomId), r.msgs])).toEqual([
      [busy, 4],
      [quiet, 1],
    ]);
    expect(byMessages[0]).toEqual({ roomId: BigInt(busy), activeNums: 2, enterNums: 0, msgs: 4, datetime: T0 / 1000, period: 'HOUR' });
    expect(rank({ orderby: 'enter' }).map((r: any) => String(r.roomId))).toEqual([quiet, busy]);
    expect(rank({ orderby: 'active', topn: 1 }).map((r: any) => [String(r.roomId), r.activeNums])).toEqual([[quiet, 4]]);
    // The day is Beijing's: T0 is noon there, so the day started at 04:00 + 8 h - 12 h before T0.
    const [day] = rank({ period: 'day', orderby: 'message', timestamp: Math.floor(T0 / 1000) });
    expect(day).toMatchObject({ roomId: BigInt(busy), msgs: 4, period: 'DAY', datetime: (T0 - 12 * 3600_000) / 1000 });
  });

  it('ranks nothing for an hour in which nothing happened, or one older than 30 days', () => {
    const app = chatroomApp();
    const roomid = app.room();
    send(app, roomid, 'a');
    expect(app.call('chatroomStatsTopn', { timestamp: T0 - 3600_000 }).data).toEqual([]);
    app.advance(31 * 24 * 3600_000);
    expect(app.call('chatroomStatsTopn', { timestamp: T0 }).data).toEqual([]);
  });
});

describe('chatroom callbacks (抄送)', () => {
  it('copies each new message as eventType 4, not a de-duplicated resend, not a message sent with route 0', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'c-1', msgType: 100, attach: '{"x":1}', ext: 'e' });
    app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'c-1', msgType: 100, attach: '{"x":1}', resendFlag: 1 });
    app.call('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'c-2', msgType: 0, route: 0 });
    app.call('chatroomMuteRoom', { roomid, operator: 'owner', mute: true });
    app.refuse('chatroomSendMsg', { roomid, fromAccid: 'alice', msgId: 'c-3', msgType: 0 }); // a refusal copies nothing
    expect(app.events).toEqual([
      {
        eventType: '4',
        body: {
          roomId: roomid,
          msgidClient: 'c-1',
          fromAccount: 'alice',
          fromClientType: 'REST',
          msgType: 'CUSTOM',
          attach: '{"x":1}',
          ext: 'e',
          msgTimestamp: String(T0 + 1),
          resendFlag: '0',
          roleInfoTimetag: '0',
        },
      },
    ]);
  });
});
