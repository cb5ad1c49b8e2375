// Chatroom members in the emulator: who may set which role, temporary mutes, the in-room profile, the member lists.
import { describe, expect, it } from 'vitest';
import { chatroomApp } from './chatroom-harness.js';

const role = (app: ReturnType<typeof chatroomApp>, roomid: string, operator: string, target: string, opt: number, optvalue: boolean) =>
  app.call('chatroomSetMemberRole', { roomid, operator, target, opt, optvalue }).desc;

describe('chatroom roles (setMemberRole)', () => {
  it('lets only the creator appoint a manager; the member comes back with its new role', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'guest', target: 'bob', opt: 1, optvalue: true }).code).toBe(403);
    const bob = role(app, roomid, 'owner', 'bob', 1, true);
    expect(bob).toMatchObject({ roomid: BigInt(roomid), accid: 'bob', type: 'MANAGER', onlineStat: false, avator: null });
    // A manager may not appoint managers, but may make common members.
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'bob', target: 'carol', opt: 1, optvalue: true }).code).toBe(403);
    expect(role(app, roomid, 'bob', 'carol', 2, true).type).toBe('COMMON');
  });

  it('protects the creator and managers from a manager; 417 for a role held or not held', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'm1', 1, true);
    role(app, roomid, 'owner', 'm2', 1, true);
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'm1', target: 'owner', opt: -1, optvalue: true }).code).toBe(403);
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'm1', target: 'm2', opt: -2, optvalue: true }).code).toBe(403);
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'm1', opt: 1, optvalue: true }).code).toBe(417);
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'x', opt: -1, optvalue: false }).code).toBe(417);
  });

  it('makes a blocklisted or muted member LIMITED, and a guest again once the limits are lifted', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'bob', 2, true);
    expect(role(app, roomid, 'owner', 'bob', -2, true)).toMatchObject({ type: 'LIMITED', muted: true });
    const both = role(app, roomid, 'owner', 'bob', -1, true);
    expect(both).toMatchObject({ type: 'LIMITED', muted: true, blacklisted: true });
    expect(role(app, roomid, 'owner', 'bob', -2, false)).toMatchObject({ type: 'LIMITED', blacklisted: true });
    const guest = role(app, roomid, 'owner', 'bob', -1, false);
    expect(guest.type).toBe('TEMPORARY');
    expect(guest).not.toHaveProperty('blacklisted');
    expect(guest).not.toHaveProperty('muted');
  });

  it('refuses role changes in a closed room with 13002', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'bob', opt: 2, optvalue: true }).code).toBe(13002);
  });
});

describe('chatroom temporary mute', () => {
  it('mutes for a while, shows the remaining time, ends by itself or when lifted', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'bob', 2, true);
    expect(app.refuse('chatroomTemporaryMute', { roomid, operator: 'guest', target: 'bob', muteDuration: 60 }).code).toBe(403);
    expect(app.call('chatroomTemporaryMute', { roomid, operator: 'owner', target: 'bob', muteDuration: 60 }).desc).toEqual({ muteDuration: 60 });
    app.advance(20_000);
    const [bob] = app.call('chatroomQueryMembers', { roomid, accids: ['bob'] }).desc.data;
    expect(bob).toMatchObject({ tempMuted: true, tempMuteTtl: 40 });
    app.advance(40_000);
    expect(app.call('chatroomQueryMembers', { roomid, accids: ['bob'] }).desc.data[0]).not.toHaveProperty('tempMuted');
    expect(app.refuse('chatroomTemporaryMute', { roomid, operator: 'owner', target: 'bob', muteDuration: 0 }).code).toBe(417);
    app.call('chatroomTemporaryMute', { roomid, operator: 'owner', target: 'bob', muteDuration: 60 });
    expect(app.call('chatroomTemporaryMute', { roomid, operator: 'owner', target: 'bob', muteDuration: 0 }).desc).toEqual({ muteDuration: 0 });
    expect(app.call('chatroomQueryMembers', { roomid, accids: ['bob'] }).desc.data[0]).not.toHaveProperty('tempMuteTtl');
  });
});

describe('chatroom member lists', () => {
  it('pages fixed members newest first with endtime (0 = now) and limit, without gaps or repeats', () => {
    const app = chatroomApp({ clock: Date.UTC(2026, 0, 1) }); // a frozen clock: entry times still differ
    const roomid = app.room('owner');
    const fixed = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07'];
    for (const accid of fixed) role(app, roomid, 'owner', accid, 2, true);
    const seen: string[] = [];
    let endtime = 0;
    for (;;) {
      const page = app.call('chatroomMembersByPage', { roomid, type: 0, endtime, limit: 3 }).desc.data;
      seen.push(...page.map((m: any) => m.accid));
      if (page.length < 3) break;
      endtime = page.at(-1).enterTime;
    }
    expect(seen).toEqual([...fixed].reverse().concat('owner'));
  });

  it('tells fixed, temporary and online fixed members apart (robots are the members online)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'fixedOnline', 2, true);
    role(app, roomid, 'owner', 'fixedAway', 2, true);
    app.call('chatroomAddRobot', { roomid, accids: ['fixedOnline', 'visitor'] });
    const page = (type: number) => app.call('chatroomMembersByPage', { roomid, type, endtime: 0, limit: 100 }).desc.data.map((m: any) => m.accid).sort();
    expect(page(0)).toEqual(['fixedAway', 'fixedOnline', 'owner']);
    expect(page(1)).toEqual(['visitor']);
    expect(page(2)).toEqual(['fixedOnline']);
  });

  it('lists members by role, creator first, a blocklisted and muted member once', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'mgr', 1, true);
    role(app, roomid, 'owner', 'bad', -1, true);
    role(app, roomid, 'owner', 'bad', -2, true);
    role(app, roomid, 'owner', 'quiet', -2, true);
    const byRole = (roles: object) => app.call('chatroomQueryMembersByRole', { roomid, roles }).desc.data.map((m: any) => [m.accid, m.type]);
    expect(byRole({ creator: true, manager: true, blacklist: true, mute: true })).toEqual([
      ['owner', 'CREATOR'],
      ['mgr', 'MANAGER'],
      ['bad', 'LIMITED'],
      ['quiet', 'LIMITED'],
    ]);
    expect(byRole({ mute: true })).toEqual([
      ['bad', 'LIMITED'],
      ['quiet', 'LIMITED'],
    ]);
    expect(byRole({ creator: false })).toEqual([]);
  });

  it('returns the members among the accids asked for, in the order asked', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'bob', 2, true);
    const data = app.call('chatroomQueryMembers', { roomid, accids: ['bob', 'nobody', 'owner'] }).desc.data;
    expect(data.map((m: any) => [m.accid, m.type])).toEqual([
      ['bob', 'COMMON'],
      ['owner', 'CREATOR'],
    ]);
  });
});

describe('chatroom in-room profile (updateMyRoomRole)', () => {
  it('stores a saved change for a fixed member, and a stay-only change until the member leaves', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    role(app, roomid, 'owner', 'bob', 2, true);
    expect(app.call('chatroomUpdateMyRoomRole', { roomid, accid: 'bob', save: true, nick: 'Bob', avator: 'http://a/b.png' })).toEqual({ code: 200 });
    app.call('chatroomAddRobot', { roomid, accids: ['bob'] });
    app.call('chatroomUpdateMyRoomRole', { roomid, accid: 'bob', nick: 'Bobby (today)' });
    const show = () => app.call('chatroomQueryMembers', { roomid, accids: ['bob'] }).desc.data[0];
    expect(show()).toMatchObject({ nick: 'Bobby (today)', avator: 'http://a/b.png' });
    app.call('chatroomRemoveRobot', { roomid, accids: ['bob'] });
    expect(show()).toMatchObject({ nick: 'Bob', avator: 'http://a/b.png', onlineStat: false });
  });

  it('refuses an accid that is neither in the room nor a fixed member saving its profile (404)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomUpdateMyRoomRole', { roomid, accid: 'stranger', nick: 'x' }).code).toBe(404);
    role(app, roomid, 'owner', 'bob', 2, true);
    expect(app.refuse('chatroomUpdateMyRoomRole', { roomid, accid: 'bob', nick: 'x' }).code).toBe(404);
  });
});

describe('chatroom kickMember', () => {
  it('ends the stay of a member in the room; a fixed member keeps its role', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'regular', opt: 2, optvalue: true });
    app.call('chatroomAddRobot', { roomid, accids: ['regular', 'visitor'] });
    app.call('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid: 'visitor', tags: ['t'] });
    expect(app.call('chatroomKickMember', { roomid, accid: 'owner', targetAccid: 'visitor', notifyExt: 'bye' })).toEqual({ code: 200 });
    app.call('chatroomKickMember', { roomid, accid: 'owner', targetAccid: 'regular' });
    expect(app.call('chatroomGet', { roomid, needOnlineUserCount: true }).chatroom.onlineusercount).toBe(0);
    const members = app.call('chatroomQueryMembers', { roomid, accids: ['regular', 'visitor'] }).desc.data;
    expect(members.map((m: any) => [m.accid, m.type, m.onlineStat])).toEqual([['regular', 'COMMON', false]]);
    expect(app.call('chatroomTagMembersCount', { roomid, tag: 't' }).data.onlineUserCount).toBe(0);
  });

  it('takes the creator or a manager (403), protects the creator and managers (403), needs the target in the room (404)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr', opt: 1, optvalue: true });
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr2', opt: 1, optvalue: true });
    app.call('chatroomAddRobot', { roomid, accids: ['bot', 'mgr2'] });
    expect(app.refuse('chatroomKickMember', { roomid, accid: 'bot', targetAccid: 'mgr2' }).code).toBe(403);
    expect(app.refuse('chatroomKickMember', { roomid, accid: 'mgr', targetAccid: 'owner' }).code).toBe(403);
    expect(app.refuse('chatroomKickMember', { roomid, accid: 'mgr', targetAccid: 'mgr2' }).code).toBe(403);
    expect(app.refuse('chatroomKickMember', { roomid, accid: 'mgr', targetAccid: 'nobody' }).code).toBe(404);
    app.call('chatroomKickMember', { roomid, accid: 'mgr', targetAccid: 'bot' });
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomKickMember', { roomid, accid: 'owner', targetAccid: 'mgr2' }).code).toBe(13002);
  });
});
