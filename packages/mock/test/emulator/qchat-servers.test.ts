// QChat model: servers and their members, answered from state (unit tests on the handlers).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/emulator/models/qchat/store.js';
import { channelIn, newApp, ok, refused, serverWith, type Ctx } from './qchat-support.js';

describe('QChat servers', () => {
  it('creates a server with 64-bit ids and reads it back, updated, with getServers', () => {
    const ctx = newApp();
    const created = ok(ctx, 'qchatCreateServer', { accid: 'owner', name: 'Guild', icon: 'i', custom: 'c', applyMode: 1 });
    const info = created.serverInfo;
    expect(info.serverId > 2n ** 53n).toBe(true);
    expect(info).toMatchObject({ name: 'Guild', owner: 'owner', memberNumber: 1, channelNumber: 0, inviteMode: 0, applyMode: 1, validFlag: 1 });
    const serverId = String(info.serverId);
    const updated = ok(ctx, 'qchatUpdateServer', { accid: 'owner', serverId, name: 'Guild 2' }).serverInfo;
    expect(updated).toMatchObject({ name: 'Guild 2', icon: 'i', custom: 'c', applyMode: 1 });
    expect(updated.updateTime).toBeGreaterThan(info.updateTime);
    const read = ok(ctx, 'qchatGetServers', { serverIds: [serverId, '123'] }).serverInfos;
    expect(read).toEqual([updated]);
  });

  it('counts members and channels in serverInfo', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    channelIn(ctx, serverId, 'owner');
    expect(ok(ctx, 'qchatGetServers', { serverIds: [serverId] }).serverInfos[0]).toMatchObject({ memberNumber: 3, channelNumber: 2 });
    ok(ctx, 'qchatRemoveChannel', { accid: 'owner', channelId });
    ok(ctx, 'qchatLeaveServer', { accid: 'a', serverId });
    expect(ok(ctx, 'qchatGetServers', { serverIds: [serverId] }).serverInfos[0]).toMatchObject({ memberNumber: 2, channelNumber: 1 });
  });

  it('lets only the owner remove a server, and everything under it goes with it', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const channelId = channelIn(ctx, serverId, 'owner');
    expect(refused(ctx, 'qchatRemoveServer', { accid: 'a', serverId }).code).toBe(403);
    expect(refused(ctx, 'qchatRemoveServer', { accid: 'stranger', serverId }).code).toBe(403);
    ok(ctx, 'qchatRemoveServer', { accid: 'owner', serverId });
    expect(ok(ctx, 'qchatGetServers', { serverIds: [serverId] }).serverInfos).toEqual([]);
    expect(ok(ctx, 'qchatGetChannels', { channelIds: [channelId] }).channelInfos).toEqual([]);
    expect(refused(ctx, 'qchatUpdateServer', { accid: 'owner', serverId, name: 'x' }).code).toBe(404);
    expect(refused(ctx, 'qchatRemoveServer', { accid: 'owner', serverId }).code).toBe(404);
    expect(ok(ctx, 'qchatGetServerListPage', { accid: 'a', limit: 10 }).serverInfos).toEqual([]);
  });

  it('refuses updates from a member without the manage-server permission', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    expect(refused(ctx, 'qchatUpdateServer', { accid: 'a', serverId, name: 'x' })).toMatchObject({ code: 403 });
  });

  it('pages the servers an account joined, most recently joined first', () => {
    const ctx = newApp();
    const ids = Array.from({ length: 5 }, () => serverWith(ctx, 'qa'));
    const first = ok(ctx, 'qchatGetServerListPage', { accid: 'qa', timetag: 0, limit: 2 });
    expect(first.serverInfos.map((s: any) => String(s.serverId))).toEqual([ids[4], ids[3]]);
    expect(first.pageInfo.hasMore).toBe(true);
    const second = ok(ctx, 'qchatGetServerListPage', { accid: 'qa', timetag: first.pageInfo.nextTimetag, limit: 2 });
    const third = ok(ctx, 'qchatGetServerListPage', { accid: 'qa', timetag: second.pageInfo.nextTimetag, limit: 2 });
    expect(second.serverInfos.map((s: any) => String(s.serverId))).toEqual([ids[2], ids[1]]);
    expect(third.serverInfos.map((s: any) => String(s.serverId))).toEqual([ids[0]]);
    expect(third.pageInfo.hasMore).toBe(false);
  });

  it('skips an account that joined the maximum number of servers (failAccid) and refuses it another (419)', () => {
    const ctx = newApp();
    for (let i = 0; i < LIMITS.joinedServersPerAccount; i += 1) serverWith(ctx, 'busy');
    expect(refused(ctx, 'qchatCreateServer', { accid: 'busy' }).code).toBe(419);
    const serverId = serverWith(ctx, 'owner');
    const invited = ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['busy', 'free'] });
    expect(invited.failAccid.accid).toEqual(['busy']);
    expect(refused(ctx, 'qchatApplyServer', { accid: 'busy', serverId }).code).toBe(419);
    // Leaving one makes room again.
    const [first] = ok(ctx, 'qchatGetServerListPage', { accid: 'busy', limit: 1 }).serverInfos;
    ok(ctx, 'qchatKickServerMember', { accid: 'owner', serverId, kickedAccids: ['free'] });
    ok(ctx, 'qchatRemoveServer', { accid: 'busy', serverId: String(first.serverId) });
    ok(ctx, 'qchatApplyServer', { accid: 'busy', serverId });
  });

  it('answers link addresses per client type', () => {
    const ctx = newApp();
    expect(ok(ctx, 'qchatRequestAddr', { accid: 'qa', type: 0 }).data.length).toBeGreaterThan(0);
    expect(ok(ctx, 'qchatRequestAddr', { accid: 'qa', type: 1 }).data.length).toBeGreaterThan(0);
  });

  it('refuses an account the app does not know when the app lists its accounts', () => {
    const ctx = newApp({ accounts: ['owner'] });
    expect(refused(ctx, 'qchatCreateServer', { accid: 'ghost' }).code).toBe(404);
    const serverId = serverWith(ctx, 'owner');
    expect(refused(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['ghost'] }).code).toBe(404);
  });
});

describe('QChat members', () => {
  it('invites with acceptance (inviteMode 0): pending until accepted, refused twice', () => {
    const ctx = newApp();
    const serverId = String(ok(ctx, 'qchatCreateServer', { accid: 'owner' }).serverInfo.serverId);
    ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['a', 'b'], msg: 'join us' });
    expect(ok(ctx, 'qchatGetServerMembers', { serverIdAccids: [`${serverId}|a`] }).serverMembers).toEqual([]);
    ok(ctx, 'qchatAcceptServerInvite', { accid: 'a', serverId, inviteAccid: 'owner' });
    expect(refused(ctx, 'qchatAcceptServerInvite', { accid: 'a', serverId, inviteAccid: 'owner' }).code).toBe(417);
    expect(refused(ctx, 'qchatAcceptServerInvite', { accid: 'c', serverId, inviteAccid: 'owner' }).code).toBe(404);
    ok(ctx, 'qchatRejectServerInvite', { accid: 'b', serverId, inviteAccid: 'owner', msg: 'no' });
    expect(refused(ctx, 'qchatAcceptServerInvite', { accid: 'b', serverId, inviteAccid: 'owner' }).code).toBe(404);
    const members = ok(ctx, 'qchatGetServerMembers', { serverIdAccids: [`${serverId}|a`, `${serverId}|b`, `${serverId}|owner`] });
    expect(members.serverMembers.map((m: any) => [m.accid, m.type, m.inviter])).toEqual([
      ['a', 0, 'owner'],
      ['owner', 1, undefined],
    ]);
    expect(refused(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['a'] }).code).toBe(417);
  });

  it('joins without acceptance (inviteMode 1), and refuses inviting without the permission', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    expect(ok(ctx, 'qchatGetServerMembers', { serverIdAccids: [`${serverId}|a`] }).serverMembers).toHaveLength(1);
    expect(refused(ctx, 'qchatInviteServerMember', { accid: 'stranger', serverId, invitedAccids: ['x'] }).code).toBe(403);
    // The everyone role may invite by default; denying it takes that right away from ordinary members.
    const everyone = ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'owner', serverId }).identify[0];
    ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId: String(everyone.roleId), auths: { 6: -1 } });
    expect(refused(ctx, 'qchatInviteServerMember', { accid: 'a', serverId, invitedAccids: ['x'] }).code).toBe(403);
  });

  it('applies: joins at once with applyMode 0, waits for approval with applyMode 1', () => {
    const ctx = newApp();
    const open = serverWith(ctx, 'owner');
    ok(ctx, 'qchatApplyServer', { accid: 'a', serverId: open });
    expect(refused(ctx, 'qchatApplyServer', { accid: 'a', serverId: open }).code).toBe(417);
    const closed = serverWith(ctx, 'owner', ['helper'], { applyMode: 1 });
    ok(ctx, 'qchatApplyServer', { accid: 'b', serverId: closed, msg: 'hi' });
    expect(refused(ctx, 'qchatApplyServer', { accid: 'b', serverId: closed }).code).toBe(417);
    expect(refused(ctx, 'qchatAcceptServerApply', { accid: 'stranger', serverId: closed, applyAccid: 'b' }).code).toBe(403);
    ok(ctx, 'qchatApplyServer', { accid: 'c', serverId: closed });
    ok(ctx, 'qchatAcceptServerApply', { accid: 'owner', serverId: closed, applyAccid: 'b' });
    ok(ctx, 'qchatRejectServerApply', { accid: 'owner', serverId: closed, applyAccid: 'c', msg: 'no' });
    expect(refused(ctx, 'qchatRejectServerApply', { accid: 'owner', serverId: closed, applyAccid: 'c' }).code).toBe(404);
    const list = ok(ctx, 'qchatGetServerMemberListPage', { serverId: closed, timetag: 0, limit: 10 }).serverMembers;
    expect(list.map((m: any) => m.accid)).toEqual(['b', 'helper', 'owner']);
  });

  it('kicks with the permission only, never the owner; members leave, the owner cannot', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b', 'c']);
    expect(refused(ctx, 'qchatKickServerMember', { accid: 'a', serverId, kickedAccids: ['b'] }).code).toBe(403);
    expect(refused(ctx, 'qchatKickServerMember', { accid: 'owner', serverId, kickedAccids: ['owner'] }).code).toBe(403);
    expect(refused(ctx, 'qchatKickServerMember', { accid: 'owner', serverId, kickedAccids: ['zz'] }).code).toBe(404);
    ok(ctx, 'qchatKickServerMember', { accid: 'owner', serverId, kickedAccids: ['b'] });
    ok(ctx, 'qchatLeaveServer', { accid: 'c', serverId });
    expect(refused(ctx, 'qchatLeaveServer', { accid: 'c', serverId }).code).toBe(403);
    expect(refused(ctx, 'qchatLeaveServer', { accid: 'owner', serverId }).code).toBe(403);
    const list = ok(ctx, 'qchatGetServerMemberListPage', { serverId, timetag: 0, limit: 10 }).serverMembers;
    expect(list.map((m: any) => m.accid)).toEqual(['a', 'owner']);
  });

  it('updates one own profile, and another member only with the permission', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const own = ok(ctx, 'qchatUpdateServerMember', { accid: 'a', serverId, nick: 'Ann', custom: 'x' }).serverMember;
    expect(own).toMatchObject({ accid: 'a', nick: 'Ann', custom: 'x', type: 0 });
    expect(refused(ctx, 'qchatUpdateOtherServerMember', { accid: 'a', serverId, otherAccid: 'b', nick: 'B' }).code).toBe(403);
    const other = ok(ctx, 'qchatUpdateOtherServerMember', { accid: 'owner', serverId, otherAccid: 'a', avatar: 'pic' });
    expect(other.serverMember).toMatchObject({ nick: 'Ann', avatar: 'pic', custom: 'x' });
    expect(refused(ctx, 'qchatUpdateOtherServerMember', { accid: 'owner', serverId, otherAccid: 'zz', nick: 'z' }).code).toBe(404);
  });

  it('pages members newest first with hasMore and nextTimetag; a non-member reader is refused', () => {
    const ctx = newApp();
    const names = Array.from({ length: 7 }, (_, i) => `m${i}`);
    const serverId = serverWith(ctx, 'owner', names);
    const seen: string[] = [];
    let timetag = 0;
    for (;;) {
      const page = ok(ctx, 'qchatGetServerMemberListPage', { serverId, timetag, limit: 3, accid: 'm0' });
      seen.push(...page.serverMembers.map((m: any) => m.accid));
      if (!page.pageInfo.hasMore) break;
      timetag = page.pageInfo.nextTimetag;
    }
    expect(seen).toEqual([...names].reverse().concat('owner'));
    expect(refused(ctx, 'qchatGetServerMemberListPage', { serverId, timetag: 0, limit: 3, accid: 'zz' }).code).toBe(403);
  });
});

describe('QChat state as snapshots and fixtures', () => {
  it('answers the same after a JSON round trip of the state', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner', { viewMode: 1 });
    ok(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { serverId, channelId, type: 1, opeType: 1, accid: 'owner', toAccids: ['a'] });
    ok(ctx, 'qchatSendMsg', { serverId, channelId, from: 'a', type: 0, body: 'hi' });
    const reads = (c: Ctx) => [
      ok(c, 'qchatGetServerMemberListPage', { serverId, timetag: 0, limit: 10 }),
      ok(c, 'qchatGetChannelMemberListPage', { serverId, channelId, timetag: 0, limit: 10 }),
      ok(c, 'qchatQueryHistoryMsg', { accid: 'a', serverId, channelId }),
      ok(c, 'qchatGetServerIdentifyPages', { accid: 'a', serverId }),
    ];
    const loaded = newApp({ record: JSON.parse(JSON.stringify(ctx.record)) });
    expect(reads(loaded)).toEqual(reads(ctx));
    expect(ok(loaded, 'qchatCreateServer', { accid: 'x' }).serverInfo.serverId).toBe(ok(ctx, 'qchatCreateServer', { accid: 'x' }).serverInfo.serverId);
  });

  it('fills in what a hand-written fixture leaves out, and drops what names nothing', () => {
    const ctx = newApp({
      record: {
        lastId: '5000',
        state: {
          chatroom: {},
          qchat: {
            servers: { '100': { owner: 'owner', name: 'From a fixture', members: { a: { nick: 'Ann' } } } },
            channels: {
              '200': { serverId: 100, name: 'general', lists: { black: { users: { ghost: 1 } } }, roles: { '7': { serverRoleId: 99 } } },
            },
          },
        },
      },
    });
    const info = ok(ctx, 'qchatGetServers', { serverIds: ['100'] }).serverInfos[0];
    expect(info).toMatchObject({ name: 'From a fixture', memberNumber: 2, channelNumber: 1 });
    const roles = ok(ctx, 'qchatGetChannelIdentifyPages', { accid: 'a', serverId: '100', channelId: '200' }).identifies;
    expect(roles.map((r: any) => r.type)).toEqual([1]);
    const data = ok(ctx, 'qchatSendMsg', { serverId: '100', channelId: '200', from: 'a', type: 0, body: 'hello' }).data;
    expect(data.msgIdServer > 5000n).toBe(true);
    expect(refused(ctx, 'qchatCreateChannel', { accid: 'a', serverId: '100', type: 0 }).code).toBe(403);
    ok(ctx, 'qchatCreateChannel', { accid: 'owner', serverId: '100', type: 0 });
  });

  it('takes `constructor` and `__proto__` as ordinary accids', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner');
    expect(refused(ctx, 'qchatLeaveServer', { accid: 'constructor', serverId }).code).toBe(403);
    ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['__proto__', 'constructor'] });
    const members = ok(ctx, 'qchatGetServerMemberListPage', { serverId, timetag: 0, limit: 10 }).serverMembers;
    expect(members.map((m: any) => m.accid).sort()).toEqual(['__proto__', 'constructor', 'owner']);
    ok(ctx, 'qchatLeaveServer', { accid: '__proto__', serverId });
    expect(refused(ctx, 'qchatLeaveServer', { accid: '__proto__', serverId }).code).toBe(403);
  });
});
