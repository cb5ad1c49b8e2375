// Chatroom member tags in the emulator: tags of a stay (updateChatRoomRoleTag, sent with `roomId`), the online
// members with a tag (count and page), and a tag's temporary mute as sendMsg sees it.
import { describe, expect, it } from 'vitest';
import { chatroomApp } from './chatroom-harness.js';

/** A room with robots in it (the members online), each given its tags. */
function taggedRoom(tags: Record<string, string[]>) {
  const app = chatroomApp();
  const roomid = app.room('owner');
  app.call('chatroomAddRobot', { roomid, accids: Object.keys(tags) });
  for (const [accid, list] of Object.entries(tags)) app.call('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid, tags: list });
  return { app, roomid };
}

describe('chatroom tags', () => {
  it('replaces the tags of a member in the room; counts and lists the online members with a tag', () => {
    const { app, roomid } = taggedRoom({ a: ['vip', 'red'], b: ['vip'], c: ['red'] });
    app.call('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid: 'c', tags: ['vip'] });
    expect(app.call('chatroomTagMembersCount', { roomid, tag: 'vip' })).toEqual({ code: 200, data: { tag: 'vip', onlineUserCount: 3 } });
    expect(app.call('chatroomTagMembersCount', { roomid, tag: 'red' }).data.onlineUserCount).toBe(1);
    const page = app.call('chatroomTagMembersQuery', { roomid, tag: 'vip', endTime: 0, limit: 2 }).desc.data;
    // Newest entry first (the robots entered together, so the later tag change does not reorder them); tags as JSON.
    expect(page.map((m: any) => [m.accid, JSON.parse(m.tags)])).toEqual([
      ['a', ['vip', 'red']],
      ['b', ['vip']],
    ]);
    expect(page[0]).toMatchObject({ roomid: BigInt(roomid), onlineStat: true, isRobot: true });
  });

  it('pages the tagged members by entry time (endTime), and forgets the tags of a member who left', () => {
    const { app, roomid } = taggedRoom({ early: ['t'] });
    app.advance(1000);
    app.call('chatroomAddRobot', { roomid, accids: ['late'] });
    app.call('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid: 'late', tags: ['t'] });
    const first = app.call('chatroomTagMembersQuery', { roomid, tag: 't', endTime: 0, limit: 1 }).desc.data;
    expect(first.map((m: any) => m.accid)).toEqual(['late']);
    const next = app.call('chatroomTagMembersQuery', { roomid, tag: 't', endTime: first[0].enterTime, limit: 1 }).desc.data;
    expect(next.map((m: any) => m.accid)).toEqual(['early']);
    app.call('chatroomRemoveRobot', { roomid, accids: ['early'] });
    app.call('chatroomAddRobot', { roomid, accids: ['early'] });
    expect(app.call('chatroomTagMembersCount', { roomid, tag: 't' }).data.onlineUserCount).toBe(1);
  });

  it('refuses tags for someone not in the room (404), an unknown room (404) and a closed one (13002)', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    expect(app.refuse('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid: 'ghost', tags: ['t'] }).code).toBe(404);
    expect(app.refuse('chatroomTagMembersCount', { roomid: '12345', tag: 't' }).code).toBe(404);
    app.call('chatroomToggleCloseStat', { roomid, operator: 'owner', valid: false });
    expect(app.refuse('chatroomUpdateChatRoomRoleTag', { roomId: roomid, accid: 'owner', tags: ['t'] }).code).toBe(13002);
  });
});

describe('chatroom tag mute (tagTemporaryMute)', () => {
  it('mutes the members with the tag for a while (13004, ignoreMute passes), then lifts it', () => {
    const { app, roomid } = taggedRoom({ loud: ['noisy'], calm: ['quiet'] });
    const send = (fromAccid: string, extra = {}) => ({ roomid, fromAccid, msgId: `m-${Math.random()}`, msgType: 0, ...extra });
    expect(app.call('chatroomTagTemporaryMute', { roomid, operator: 'owner', targetTag: 'noisy', muteDuration: 60 })).toEqual({ code: 200, desc: { muteDuration: 60 } });
    expect(app.refuse('chatroomSendMsg', send('loud')).code).toBe(13004);
    app.call('chatroomSendMsg', send('loud', { ignoreMute: true }));
    app.call('chatroomSendMsg', send('calm'));
    app.advance(61_000);
    app.call('chatroomSendMsg', send('loud'));
    app.call('chatroomTagTemporaryMute', { roomid, operator: 'owner', targetTag: 'noisy', muteDuration: 60 });
    app.call('chatroomTagTemporaryMute', { roomid, operator: 'owner', targetTag: 'noisy', muteDuration: 0 });
    app.call('chatroomSendMsg', send('loud'));
  });

  it('takes the creator or a manager (403); lifting a tag that is not muted is 417', () => {
    const app = chatroomApp();
    const roomid = app.room('owner');
    app.call('chatroomSetMemberRole', { roomid, operator: 'owner', target: 'mgr', opt: 1, optvalue: true });
    expect(app.refuse('chatroomTagTemporaryMute', { roomid, operator: 'guest', targetTag: 't', muteDuration: 10 }).code).toBe(403);
    app.call('chatroomTagTemporaryMute', { roomid, operator: 'mgr', targetTag: 't', muteDuration: 10 });
    expect(app.refuse('chatroomTagTemporaryMute', { roomid, operator: 'owner', targetTag: 'other', muteDuration: 0 }).code).toBe(417);
  });
});
