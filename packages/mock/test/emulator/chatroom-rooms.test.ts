// Chatroom rooms in the emulator: create, read back, update, open/close (timed close included), mute, addresses.
import { describe, expect, it } from 'vitest';
import { T0, chatroomApp } from './chatroom-harness.js';

describe('chatroom rooms', () => {
  it('creates an open room with a 64-bit id and reads it back as created', () => {
    const app = chatroomApp();
    const created = app.call('chatroomCreate', { creator: 'qa_alice', name: 'QA room 1', broadcasturl: 'rtmp://live', ext: '{"a":1}' });
    expect(created.chatroom).toEqual({
      roomid: 2n ** 60n,
      name: 'QA room 1',
      announcement: null,
      broadcasturl: 'rtmp://live',
      ext: '{"a":1}',
      creator: 'qa_alice',
      valid: true,
      muted: false,
      queuelevel: 0,
    });
    const got = app.call('chatroomGet', { roomid: String(created.chatroom.roomid), needOnlineUserCount: true });
    expect(got.chatroom).toEqual({ ...created.chatroom, onlineusercount: 0 });
    expect(app.call('chatroomGet', { roomid: String(created.chatroom.roomid) }).chatroom).not.toHaveProperty('onlineusercount');
  });

  it('gives each room the next id and keeps the timed-close and in/out fields it was created with', () => {
    const app = chatroomApp();
    const a = app.room();
    const b = app.call('chatroomCreate', { creator: 'owner', name: 'b', delayClosePolicy: 2, inOutNotification: 1 }).chatroom;
    expect(BigInt(b.roomid)).toBe(BigInt(a) + 1n);
    expect(b.ionotify).toBe(true);
    // A policy without delaySeconds gets the vendor's 7 days.
    expect(b.delayInfo).toEqual({ delayCloseEnable: true, delayClosePolicy: 2, delaySeconds: 604800 });
  });

  it('refuses an unknown room with 404 and an unknown account with 404 when the app lists its accounts', () => {
    const app = chatroomApp({ accounts: ['owner'] });
    expect(app.refuse('chatroomGet', { roomid: '12345' }).code).toBe(404);
    expect(app.refuse('chatroomCreate', { creator: 'stranger', name: 'x' })).toEqual({ code: 404, desc: 'creator stranger does not exist' });
    app.room('owner');
  });

  it('splits a batch into found and missing rooms, ids sent as strings or numbers', () => {
    const app = chatroomApp();
    const a = app.room();
    const b = app.room();
    const answer = app.call('chatroomGetBatch', { roomids: [a, '404', Number(1), b, a], needOnlineUserCount: true });
    expect(answer.succRooms.map((r: any) => String(r.roomid))).toEqual([a, b]);
    expect(answer.succRooms[0].onlineusercount).toBe(0);
    expect(answer.noExistRooms).toEqual([404n, 1n]);
    expect(answer.failRooms).toEqual([]);
  });

  it('finds a room above 2^53 whose id the batch sends as a bare JSON number', () => {
    const app = chatroomApp(); // ids start at 2^60
    const roomid = app.room();
    expect(roomid).toBe('1152921504606846976');
    const answer = app.call('chatroomGetBatch', { roomids: `[${roomid},1152921504606846977]` });
    expect(answer.succRooms.map((r: any) => r.roomid)).toEqual([2n ** 60n]);
    expect(answer.noExistRooms).toEqual([2n ** 60n + 1n]);
  });

  it('updates only the fields sent; an empty announcement comes back as null', () => {
    const app = chatroomApp();
    const roomid = app.room('owner', { announcement: 'hello', ext: 'keep' });
    const updated = app.call('chatroomUpdate', { roomid, name: 'renamed', queuelevel: 1 }).chatroom;
    expect(updated).toMatchObject({ name: 'renamed', announcement: 'hello', ext: 'keep', queuelevel: 1 });
    expect(app.call('chatroomUpdate', { roomid, announcement: '' }).chatroom.announcement).toBeNull();
    expect(app.call('chatroomGet', { roomid }).chatroom).toMatchObject({ name: 'renamed', announcement: null, queuelevel: 1 });
  });

  it('lets only the creator close and reopen; a repeat is 417; a closed room refuses writes with 13002', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomToggleCloseStat', { roomid, operator: 'someone', valid: false }).code).toBe(403);
    expect(app.refuse('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: true }).code).toBe(417);
    const closed = app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(closed.desc).toMatchObject({ roomid: BigInt(roomid), valid: false });
    expect(app.refuse('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false }).code).toBe(417);
    expect(app.refuse('chatroomUpdate', { roomid, name: 'x' }).code).toBe(13002);
    expect(app.refuse('chatroomRequestAddr', { roomid, accid: 'guest' }).code).toBe(13002);
    expect(app.call('chatroomGet', { roomid }).chatroom.valid).toBe(false);
    expect(app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: true }).desc.valid).toBe(true);
    app.call('chatroomUpdate', { roomid, name: 'open again' });
  });

  it('closes a room by its timed-close policy: a fixed time, or a time after it became empty', () => {
    const app = chatroomApp();
    const fixed = app.room('owner', { delayClosePolicy: 1, delaySeconds: 60 });
    const idle = app.room('owner', { delayClosePolicy: 2, delaySeconds: 60 });
    app.call('chatroomAddRobot', { roomid: idle, accids: ['bot'] });
    app.call('chatroomAddRobot', { roomid: fixed, accids: ['bot'] });
    app.advance(61_000);
    // Closed on time, and everyone in it had to leave.
    expect(app.call('chatroomGet', { roomid: fixed, needOnlineUserCount: true }).chatroom).toMatchObject({ valid: false, onlineusercount: 0 });
    expect(app.call('chatroomGet', { roomid: idle }).chatroom.valid).toBe(true); // a robot is in it
    app.call('chatroomRemoveRobot', { roomid: idle, accids: ['bot'] });
    app.advance(59_000);
    expect(app.call('chatroomGet', { roomid: idle }).chatroom.valid).toBe(true);
    app.advance(2_000);
    expect(app.call('chatroomGet', { roomid: idle }).chatroom.valid).toBe(false);
    // Reopening starts the timer over.
    app.call('chatroomToggleCloseStat', { roomid: fixed, operator: 'owner', valid: true });
    app.advance(30_000);
    expect(app.call('chatroomGet', { roomid: fixed }).chatroom.valid).toBe(true);
  });

  it('lists the open rooms a user created, ids as strings', () => {
    const app = chatroomApp();
    const a = app.room('alice');
    const b = app.room('alice');
    app.room('bob');
    app.call('chatroomToggleCloseStat', { roomid: a, operator: 'alice', valid: false });
    expect(app.call('chatroomQueryUserRoomIds', { creator: 'alice' }).desc.roomids).toEqual([b]);
    expect(app.call('chatroomQueryUserRoomIds', { creator: 'nobody' }).desc.roomids).toEqual([]);
  });

  it('mutes the whole room only for its creator or a manager', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomMuteRoom', { roomid, operator: 'guest', mute: true }).code).toBe(403);
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr', opt: 1, optvalue: true });
    expect(app.call('chatroomMuteRoom', { roomid, operator: 'mgr', mute: true }).desc).toEqual({ success: true });
    expect(app.call('chatroomGet', { roomid }).chatroom.muted).toBe(true);
    app.call('chatroomMuteRoom', { roomid, operator: 'owner', mute: false });
    expect(app.call('chatroomGet', { roomid }).chatroom.muted).toBe(false);
  });

  it('gives connection addresses by client type, except to a blocklisted account (13003)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const web = app.call('chatroomRequestAddr', { roomid, accid: 'guest' }).addr;
    const other = app.call('chatroomRequestAddr', { roomid, accid: 'guest', clienttype: 2 }).addr;
    expect(web.length).toBeGreaterThan(0);
    expect(other).not.toEqual(web);
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'troll', opt: -1, optvalue: true });
    expect(app.refuse('chatroomRequestAddr', { roomid, accid: 'troll' }).code).toBe(13003);
  });
});

describe('chatroom state', () => {
  it('answers the same after a JSON round trip of the app (a snapshot saved and loaded)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr', opt: 1, optvalue: true });
    app.call('chatroomAddRobot', { roomid, accids: ['bot'] });
    app.call('chatroomQueueOffer', { roomid, key: 'seat', value: 'bot', operator: 'bot', transient: true });
    app.call('chatroomSendMsg', { roomid, fromAccid: 'mgr', msgId: 'm1', msgType: 0 });
    const reads = (a: ReturnType<typeof chatroomApp>) => [
      a.call('chatroomGet', { roomid, needOnlineUserCount: true }),
      a.call('chatroomMembersByPage', { roomid, type: 0, endtime: 0, limit: 100 }),
      a.call('chatroomQueueList', { roomid }),
      a.call('chatroomStatsTopn', {}),
    ];
    const loaded = chatroomApp({ record: JSON.parse(JSON.stringify(app.ctx.record)) });
    expect(reads(loaded)).toEqual(reads(app));
    expect(String(loaded.call('chatroomCreate', { creator: 'owner', name: 'next' }).chatroom.roomid)).toBe(String(BigInt(roomid) + 1n));
  });

  it('keeps accids such as __proto__ and constructor as plain members', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.call('chatroomQueryMembers', { roomid, accids: ['constructor', '__proto__'] }).desc.data).toEqual([]);
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: '__proto__', opt: 2, optvalue: true });
    app.call('chatroomAddRobot', { roomid, accids: ['constructor'] });
    const again = chatroomApp({ record: JSON.parse(JSON.stringify(app.ctx.record)) });
    const members = again.call('chatroomQueryMembers', { roomid, accids: ['constructor', '__proto__'] }).desc.data;
    expect(members.map((m: any) => [m.accid, m.type, m.onlineStat])).toEqual([
      ['constructor', 'TEMPORARY', true],
      ['__proto__', 'COMMON', false],
    ]);
    expect(({} as any).type).toBeUndefined();
  });
});

describe('chatroom fixtures', () => {
  it('serves a hand-written room that gives only its creator and name', () => {
    const app = chatroomApp({ record: { state: { chatroom: { rooms: { '77': { creator: 'owner', name: 'from a fixture' } } }, qchat: {} } as any, lastId: null } });
    expect(app.call('chatroomGet', { roomid: '77', needOnlineUserCount: true }).chatroom).toMatchObject({
      roomid: 77n,
      name: 'from a fixture',
      valid: true,
      announcement: null,
      onlineusercount: 0,
    });
    app.call('chatroomSetMemberRole', { roomid: '77', operator: 'owner', target: 'bob', opt: 2, optvalue: true });
    app.call('chatroomSendMsg', { roomid: '77', fromAccid: 'bob', msgId: 'm', msgType: 0 });
    expect(app.call('chatroomStatsTopn', {}).data.map((r: any) => r.roomId)).toEqual([77n]);
    expect(app.call('chatroomQueryUserRoomIds', { creator: 'owner' }).desc.roomids).toEqual(['77']);
  });

  it('works on a fixture whose chatroom state is empty', () => {
    const app = chatroomApp({ record: { state: { chatroom: {}, qchat: {} } as any, lastId: null } });
    expect(app.refuse('chatroomGet', { roomid: '1' }).code).toBe(404);
    expect(app.call('chatroomStatsTopn', {}).data).toEqual([]);
    app.room('owner');
  });

  it('serves hand-written members and robots in the shape ADR 0028 gives', () => {
    const room = {
      creator: 'owner',
      name: 'fixture',
      members: { mgr: { accid: 'mgr', role: 'MANAGER', enterTime: T0 - 10 }, bot: { accid: 'bot', role: null, enterTime: T0 - 5 } },
      online: { bot: T0 + 60_000 },
    };
    const app = chatroomApp({ record: { state: { chatroom: { rooms: { '78': room } }, qchat: {} } as any, lastId: null } });
    const page = app.call('chatroomMembersByPage', { roomid: '78', type: 1, endtime: 0, limit: 10 }).desc.data;
    expect(page).toMatchObject([{ accid: 'bot', isRobot: true, robotExpirAt: 60 }]);
    app.call('chatroomUpdateMyRoomRole', { roomid: '78', accid: 'bot', nick: 'Bot' });
    app.call('chatroomTemporaryMute', { roomid: '78', operator: 'mgr', target: 'bot', muteDuration: 10 });
    expect(app.call('chatroomQueryMembers', { roomid: '78', accids: ['bot', 'mgr'] }).desc.data.map((m: any) => [m.accid, m.type, m.nick])).toEqual([
      ['bot', 'TEMPORARY', 'Bot'],
      ['mgr', 'MANAGER', undefined],
    ]);
  });
});

describe('chatroom timed close, in/out notifications and robots cleared', () => {
  it('sets the timed-close policy, restarts its timer, and closes the room when due', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    const { chatroom } = app.call('chatroomUpdateDelayClosePolicy', { roomid, delayClosePolicy: 1, delaySeconds: 60 });
    expect(chatroom.delayInfo).toEqual({ delayCloseEnable: true, delayClosePolicy: 1, delaySeconds: 60, startTime: T0 + 1 });
    app.advance(50_000);
    // Only the policy sent: the delay is kept, the timer starts over.
    expect(app.call('chatroomUpdateDelayClosePolicy', { roomid, delayClosePolicy: 2 }).chatroom.delayInfo).toMatchObject({ delayClosePolicy: 2, delaySeconds: 60 });
    app.advance(50_000);
    expect(app.call('chatroomGet', { roomid }).chatroom.valid).toBe(true);
    app.advance(11_000);
    expect(app.call('chatroomGet', { roomid }).chatroom.valid).toBe(false);
    expect(app.refuse('chatroomUpdateDelayClosePolicy', { roomid, delayClosePolicy: 0 }).code).toBe(13002);
  });

  it('defaults to 7 days, turns off with policy 0, and refuses a call that sets nothing (414)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.call('chatroomUpdateDelayClosePolicy', { roomid, delayClosePolicy: 2 }).chatroom.delayInfo).toMatchObject({ delaySeconds: 7 * 24 * 3600 });
    expect(app.call('chatroomUpdateDelayClosePolicy', { roomid, delayClosePolicy: 0 }).chatroom.delayInfo).toMatchObject({ delayCloseEnable: false, delaySeconds: 0 });
    expect(app.refuse('chatroomUpdateDelayClosePolicy', { roomid }).code).toBe(414);
  });

  it('turns entry/exit notifications off and on, read back by get (ionotify)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.call('chatroomUpdateInOutNotification', { roomid, close: true })).toEqual({ code: 200 });
    expect(app.call('chatroomGet', { roomid }).chatroom.ionotify).toBe(false);
    app.call('chatroomUpdateInOutNotification', { roomid, close: false });
    expect(app.call('chatroomGet', { roomid }).chatroom.ionotify).toBe(true);
    expect(app.refuse('chatroomUpdateInOutNotification', { roomid: '4242', close: true }).code).toBe(404);
  });

  it('removes every robot at once and says how many (cleanRobot)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomAddRobot', { roomid, accids: ['r1', 'r2', 'r3'] });
    expect(app.call('chatroomCleanRobot', { roomid, notify: true })).toEqual({ code: 200, desc: { size: 3 } });
    expect(app.call('chatroomGet', { roomid, needOnlineUserCount: true }).chatroom.onlineusercount).toBe(0);
    expect(app.call('chatroomCleanRobot', { roomid }).desc.size).toBe(0);
  });
});
