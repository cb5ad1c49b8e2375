// QChat model: channels, roles and permissions decide what a member may do (unit tests on the handlers).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/emulator/models/qchat/store.js';
import { channelIn, newApp, ok, refused, serverWith, type Ctx } from './qchat-support.js';

/** A custom role of `serverId` with `auths`, held by `holders`; its id as a string. */
function roleWith(ctx: Ctx, serverId: string, auths: Record<string, number>, holders: string[] = []): string {
  const roleId = String(ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2, name: 'mods' }).identify.roleId);
  ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, auths });
  if (holders.length) ok(ctx, 'qchatCreateServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: holders });
  return roleId;
}

describe('QChat channels', () => {
  it('creates, reads, updates and removes channels with the manage-channel permission', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    expect(refused(ctx, 'qchatCreateChannel', { accid: 'a', serverId, type: 0 }).code).toBe(403);
    const created = ok(ctx, 'qchatCreateChannel', { accid: 'owner', serverId, type: 100, name: 'c', topic: 't' }).channelInfo;
    expect(created).toMatchObject({ type: 100, viewMode: 0, owner: 'owner', name: 'c', topic: 't', validFlag: 1 });
    expect(String(created.serverId)).toBe(serverId);
    const channelId = String(created.channelId);
    expect(refused(ctx, 'qchatUpdateChannel', { accid: 'a', channelId, name: 'x' }).code).toBe(403);
    const updated = ok(ctx, 'qchatUpdateChannel', { accid: 'owner', channelId, name: 'c2', viewMode: 1 }).channelInfo;
    expect(updated).toMatchObject({ name: 'c2', topic: 't', viewMode: 1 });
    expect(ok(ctx, 'qchatGetChannels', { channelIds: [channelId] }).channelInfos).toEqual([updated]);
    expect(refused(ctx, 'qchatRemoveChannel', { accid: 'a', channelId }).code).toBe(403);
    ok(ctx, 'qchatRemoveChannel', { accid: 'owner', channelId });
    expect(refused(ctx, 'qchatRemoveChannel', { accid: 'owner', channelId }).code).toBe(404);
    expect(refused(ctx, 'qchatUpdateChannel', { accid: 'owner', channelId, name: 'x' }).code).toBe(404);
  });

  it('gives the manage-channel right through a role, and takes it back with the role', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const roleId = roleWith(ctx, serverId, { 2: 1 }, ['a']);
    ok(ctx, 'qchatCreateChannel', { accid: 'a', serverId, type: 0 });
    ok(ctx, 'qchatDeleteServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: ['a'] });
    expect(refused(ctx, 'qchatCreateChannel', { accid: 'a', serverId, type: 0 }).code).toBe(403);
  });

  it('pages the channel list newest first, and lists only visible channels for an accid', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const ids = Array.from({ length: 5 }, () => channelIn(ctx, serverId, 'owner'));
    const hidden = channelIn(ctx, serverId, 'owner', { viewMode: 1 });
    const first = ok(ctx, 'qchatGetChannelListPage', { serverId, limit: 4 });
    expect(first.channelInfos.map((c: any) => String(c.channelId))).toEqual([hidden, ids[4], ids[3], ids[2]]);
    expect(first.pageInfo.hasMore).toBe(true);
    const rest = ok(ctx, 'qchatGetChannelListPage', { serverId, limit: 4, timetag: first.pageInfo.nextTimetag });
    expect(rest.channelInfos.map((c: any) => String(c.channelId))).toEqual([ids[1], ids[0]]);
    expect(rest.pageInfo.hasMore).toBe(false);
    const seen = ok(ctx, 'qchatGetChannelListPage', { serverId, limit: 10, accid: 'a' }).channelInfos;
    expect(seen.map((c: any) => String(c.channelId))).not.toContain(hidden);
    expect(seen).toHaveLength(5);
    expect(refused(ctx, 'qchatGetChannelListPage', { serverId: '1', limit: 10 }).code).toBe(404);
  });

  it('white list opens a private channel; black list closes a public one (roles and accounts)', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b', 'c']);
    const priv = channelIn(ctx, serverId, 'owner', { viewMode: 1 });
    const pub = channelIn(ctx, serverId, 'owner');
    const members = (channelId: string) =>
      ok(ctx, 'qchatGetChannelMemberListPage', { serverId, channelId, timetag: 0, limit: 10 }).members.map((m: any) => m.accid);
    expect(members(priv)).toEqual(['owner']);
    const roleId = roleWith(ctx, serverId, {}, ['b']);
    ok(ctx, 'qchatUpdateWhiteBlackIdentify', { serverId, channelId: priv, type: 1, opeType: 1, accid: 'owner', roleid: roleId });
    ok(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { serverId, channelId: priv, type: 1, opeType: 1, accid: 'owner', toAccids: ['a'] });
    expect(members(priv)).toEqual(['b', 'a', 'owner']);
    ok(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { serverId, channelId: pub, type: 2, opeType: 1, accid: 'owner', toAccids: ['c'] });
    expect(members(pub)).toEqual(['b', 'a', 'owner']);
    // The lists read back, paged and by batch.
    const roles = ok(ctx, 'qchatQueryWhiteBlackIdentify', { serverId, channelId: priv, accid: 'a', type: 1, timetag: 0, limit: 10 });
    expect(roles.identifies.map((r: any) => String(r.roleId))).toEqual([roleId]);
    const users = ok(ctx, 'qchatQueryWhiteBlackIdentifyUser', { serverId, channelId: pub, accid: 'a', type: 2, timetag: 0, limit: 10 });
    expect(users.members.map((m: any) => m.accid)).toEqual(['c']);
    const batch = ok(ctx, 'qchatBatchGetWhiteBlackIdentify', { serverId, channelId: priv, accid: 'a', type: 1, roleids: [roleId, '42'] });
    expect(batch.identifies).toHaveLength(1);
    const batchUsers = ok(ctx, 'qchatBatchGetWhiteBlackIdentifyUser', { serverId, channelId: priv, accid: 'a', type: 1, accids: ['a', 'c'] });
    expect(batchUsers.members.map((m: any) => m.accid)).toEqual(['a']);
    // Repeats, removals of what is not listed, strangers and members without the permission are refused.
    const fields = { serverId, channelId: priv, type: 1, accid: 'owner' };
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentify', { ...fields, opeType: 1, roleid: roleId }).code).toBe(417);
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, opeType: 1, toAccids: ['a'] }).code).toBe(417);
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, opeType: 2, toAccids: ['c'] }).code).toBe(404);
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, opeType: 1, toAccids: ['zz'] }).code).toBe(404);
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, accid: 'a', opeType: 1, toAccids: ['c'] }).code).toBe(403);
    ok(ctx, 'qchatUpdateWhiteBlackIdentify', { ...fields, opeType: 2, roleid: roleId });
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentify', { ...fields, opeType: 2, roleid: roleId }).code).toBe(404);
    expect(members(priv)).toEqual(['a', 'owner']);
  });

  it('holds at most LIMITS.accessListEntries entries on one list (419)', () => {
    const ctx = newApp();
    const names = Array.from({ length: LIMITS.accessListEntries + 1 }, (_, i) => `m${i}`);
    const serverId = serverWith(ctx, 'owner');
    for (let i = 0; i < names.length; i += 100) ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: names.slice(i, i + 100) });
    const channelId = channelIn(ctx, serverId, 'owner');
    const fields = { serverId, channelId, type: 2, opeType: 1, accid: 'owner' };
    for (let i = 0; i < LIMITS.accessListEntries; i += 100) ok(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, toAccids: names.slice(i, i + 100) });
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { ...fields, toAccids: names.slice(-1) }).code).toBe(419);
    const roleId = String(ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2 }).identify.roleId);
    expect(refused(ctx, 'qchatUpdateWhiteBlackIdentify', { ...fields, roleid: roleId }).code).toBe(419);
  });

  it('pages the members of a channel and refuses a reader who is not a member', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b', 'c', 'd']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const first = ok(ctx, 'qchatGetChannelMemberListPage', { serverId, channelId, timetag: 0, limit: 3, accid: 'a' });
    expect(first.pageInfo.hasMore).toBe(true);
    const second = ok(ctx, 'qchatGetChannelMemberListPage', { serverId, channelId, timetag: first.pageInfo.nextTimetag, limit: 3 });
    expect([...first.members, ...second.members].map((m: any) => m.accid)).toEqual(['d', 'c', 'b', 'a', 'owner']);
    expect(refused(ctx, 'qchatGetChannelMemberListPage', { serverId, channelId, timetag: 0, limit: 3, accid: 'zz' }).code).toBe(403);
    const other = serverWith(ctx, 'owner');
    expect(refused(ctx, 'qchatGetChannelMemberListPage', { serverId: other, channelId, timetag: 0, limit: 3 }).code).toBe(404);
  });
});

describe('QChat server roles', () => {
  it('creates roles by priority, lists them with the everyone role first, updates and removes them', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const created = ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2, name: 'r1', ext: 'e' }).identify;
    expect(created).toMatchObject({ type: 2, priority: 1, membercount: 0, name: 'r1', ext: 'e' });
    expect(JSON.parse(created.auths)['2']).toBe(-1);
    const r2 = ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2, name: 'r2', priority: 5 }).identify;
    expect(refused(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2, priority: 5 }).code).toBe(417);
    expect(refused(ctx, 'qchatCreateServerIdentify', { accid: 'a', serverId, type: 2 }).code).toBe(403);
    const page = ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'a', serverId, limit: 1 }).identify;
    expect(page.map((r: any) => [r.type, r.priority, r.ismember])).toEqual([
      [1, 0, 1],
      [2, 1, 0],
    ]);
    expect(page[0].membercount).toBe(2);
    const next = ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'a', serverId, limit: 1, priority: 1 }).identify;
    expect(next.map((r: any) => String(r.roleId))).toEqual([String(r2.roleId)]);
    const roleId = String(created.roleId);
    const updated = ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, name: 'mods', auths: { 2: 1, 7: 1 } });
    expect(updated.identify.name).toBe('mods');
    expect(JSON.parse(updated.identify.auths)).toMatchObject({ 2: 1, 7: 1, 1: -1 });
    expect(refused(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, auths: { 2: 0 } }).code).toBe(414);
    expect(refused(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, auths: { 99: 1 } }).code).toBe(414);
    ok(ctx, 'qchatRemoveServerIdentify', { accid: 'owner', serverId, roleId });
    expect(refused(ctx, 'qchatRemoveServerIdentify', { accid: 'owner', serverId, roleId }).code).toBe(404);
    const everyone = String(page[0].roleId);
    expect(refused(ctx, 'qchatRemoveServerIdentify', { accid: 'owner', serverId, roleId: everyone }).code).toBe(403);
  });

  it('refuses a custom role beyond LIMITS.customRolesPerServer (419)', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner');
    for (let i = 0; i < LIMITS.customRolesPerServer; i += 1) ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2 });
    expect(refused(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2 }).code).toBe(419);
  });

  it('lets only the owner change the everyone role, even for a member with the manage-role permission', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    roleWith(ctx, serverId, { 3: 1 }, ['a']);
    const everyone = String(ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'a', serverId }).identify[0].roleId);
    expect(refused(ctx, 'qchatUpdateServerIdentify', { accid: 'a', serverId, roleId: everyone, auths: { 4: -1 } }).code).toBe(403);
    ok(ctx, 'qchatCreateServerIdentify', { accid: 'a', serverId, type: 2, name: 'made by a' });
  });

  it('hands roles to members, lists holders and the roles of a user, with partial failures', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b', 'c']);
    const roleId = roleWith(ctx, serverId, { 4: 1 });
    const given = ok(ctx, 'qchatCreateServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: ['a', 'b', 'zz'] });
    expect(given).toMatchObject({ successAccids: ['a', 'b'], failAccids: ['zz'] });
    expect(ok(ctx, 'qchatCreateServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: ['a', 'c'] })).toMatchObject({
      successAccids: ['c'],
      failAccids: ['a'],
    });
    const first = ok(ctx, 'qchatGetServerIdentifyMemberPages', { accid: 'a', serverId, roleId, limit: 2 }).serverMembers;
    expect(first.map((m: any) => m.accid)).toEqual(['c', 'b']);
    const holders = ok(ctx, 'qchatGetServerIdentifyMemberPages', { accid: 'a', serverId, roleId, limit: 200 }).serverMembers;
    expect(holders.map((m: any) => m.accid)).toEqual(['c', 'b', 'a']);
    const roles = ok(ctx, 'qchatGetUserServerIdentify', { accid: 'owner', serverId, faccid: 'a' }).serverIdentifies;
    expect(roles.map((r: any) => [String(r.roleId), r.membercount, r.ismember])).toEqual([[roleId, 3, 0]]);
    const taken = ok(ctx, 'qchatDeleteServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: ['a', 'zz'] });
    expect(taken).toMatchObject({ successAccids: ['a'], failAccids: ['zz'] });
    expect(ok(ctx, 'qchatGetUserServerIdentify', { accid: 'owner', serverId, faccid: 'a' }).serverIdentifies).toEqual([]);
    expect(refused(ctx, 'qchatGetUserServerIdentify', { accid: 'owner', serverId, faccid: 'zz' }).code).toBe(404);
    expect(refused(ctx, 'qchatCreateServerIdentifyMember', { accid: 'a', serverId, roleId, faccids: ['b'] }).code).toBe(403);
  });

  it('pages role holders by (timetag, faccid) anchors', () => {
    const ctx = newApp();
    const names = ['a', 'b', 'c', 'd', 'e'];
    const serverId = serverWith(ctx, 'owner', names);
    const roleId = roleWith(ctx, serverId, {});
    for (const n of names) ok(ctx, 'qchatCreateServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: [n] });
    const seen: string[] = [];
    let anchor: Record<string, unknown> = {};
    for (let i = 0; i < 5; i += 1) {
      const page = ok(ctx, 'qchatGetServerIdentifyMemberPages', { accid: 'owner', serverId, roleId, limit: 2, ...anchor }).serverMembers;
      if (!page.length) break;
      seen.push(...page.map((m: any) => m.accid));
      const last = page[page.length - 1];
      // The anchor is when the last holder got the role (the rows do not carry it; the caller knows when it gave it).
      anchor = { timetag: holderTime(ctx, serverId, roleId, last.accid), faccid: last.accid };
    }
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});

/** When `accid` got `roleId` (read from state: the vendor's rows carry no such time either). */
function holderTime(ctx: Ctx, serverId: string, roleId: string, accid: string): number {
  return ctx.state.qchat.servers[serverId].roles[roleId].members[accid];
}

describe('QChat channel roles and user permissions', () => {
  it('channel roles override server roles; a user permission overrides both; 0 inherits', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const modRole = roleWith(ctx, serverId, { 2: 1 }, ['a']);
    const rename = (accid: string) => ok(ctx, 'qchatUpdateChannel', { accid, channelId, name: `by ${accid}` });
    rename('a');
    const cr = ok(ctx, 'qchatCreateChannelIdentify', { accid: 'owner', serverId, channelId, serverRoleId: modRole }).identify;
    expect(String(cr.serverRoleId)).toBe(modRole);
    expect(cr.roleId).not.toBe(BigInt(modRole));
    expect(refused(ctx, 'qchatCreateChannelIdentify', { accid: 'owner', serverId, channelId, serverRoleId: modRole }).code).toBe(417);
    const channelRoleId = String(cr.roleId);
    ok(ctx, 'qchatUpdateChannelIdentify', { accid: 'owner', serverId, channelId, roleId: channelRoleId, auths: { 2: -1 } });
    expect(refused(ctx, 'qchatUpdateChannel', { accid: 'a', channelId, name: 'x' }).code).toBe(403);
    ok(ctx, 'qchatUpdateChannelIdentify', { accid: 'owner', serverId, channelId, roleId: channelRoleId, auths: { 2: 0 } });
    rename('a');
    // User permission for b: allowed in this channel only.
    const ui = ok(ctx, 'qchatCreateUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b' }).identify;
    expect(ui).toMatchObject({ accid: 'b', memberType: 0 });
    expect(refused(ctx, 'qchatCreateUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b' }).code).toBe(417);
    const updated = ok(ctx, 'qchatUpdateUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b', auths: { 2: 1 } });
    expect(JSON.parse(updated.identify.auths)['2']).toBe(1);
    rename('b');
    expect(refused(ctx, 'qchatUpdateUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b', auths: { 1: 1 } }).code).toBe(414);
    ok(ctx, 'qchatDeleteUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b' });
    expect(refused(ctx, 'qchatUpdateChannel', { accid: 'b', channelId, name: 'x' }).code).toBe(403);
    expect(refused(ctx, 'qchatDeleteUserIdentify', { accid: 'owner', serverId, channelId, faccid: 'b' }).code).toBe(404);
    ok(ctx, 'qchatDeleteChannelIdentify', { accid: 'owner', serverId, channelId, roleId: channelRoleId });
    expect(refused(ctx, 'qchatDeleteChannelIdentify', { accid: 'owner', serverId, channelId, roleId: channelRoleId }).code).toBe(404);
  });

  it('lists channel roles (everyone first, one extra row) and user permissions newest first', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b', 'c']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const roles = [roleWith(ctx, serverId, {}), roleWith(ctx, serverId, {}), roleWith(ctx, serverId, {})];
    for (const serverRoleId of roles) ok(ctx, 'qchatCreateChannelIdentify', { accid: 'owner', serverId, channelId, serverRoleId });
    const first = ok(ctx, 'qchatGetChannelIdentifyPages', { accid: 'a', serverId, channelId, limit: 2 }).identifies;
    expect(first.map((r: any) => r.type)).toEqual([1, 2, 2]);
    expect(first.slice(1).map((r: any) => String(r.serverRoleId))).toEqual([roles[2], roles[1]]);
    const next = ok(ctx, 'qchatGetChannelIdentifyPages', { accid: 'a', serverId, channelId, limit: 2, timetag: first[2].createtime });
    expect(next.identifies.map((r: any) => String(r.serverRoleId))).toEqual([roles[0]]);
    const everyoneChannelRole = String(first[0].roleId);
    expect(refused(ctx, 'qchatDeleteChannelIdentify', { accid: 'owner', serverId, channelId, roleId: everyoneChannelRole }).code).toBe(403);
    for (const faccid of ['a', 'b', 'c']) ok(ctx, 'qchatCreateUserIdentify', { accid: 'owner', serverId, channelId, faccid });
    const users = ok(ctx, 'qchatGetUserIdentifyPages', { accid: 'a', serverId, channelId, limit: 2 }).identifies;
    expect(users.map((u: any) => u.accid)).toEqual(['c', 'b']);
    const more = ok(ctx, 'qchatGetUserIdentifyPages', { accid: 'a', serverId, channelId, limit: 2, timetag: users[1].createtime });
    expect(more.identifies.map((u: any) => u.accid)).toEqual(['a']);
    expect(refused(ctx, 'qchatGetUserIdentifyPages', { accid: 'zz', serverId, channelId, limit: 2 }).code).toBe(403);
  });

  it('removing a server role removes its channel roles and list entries', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const roleId = roleWith(ctx, serverId, {}, ['a']);
    ok(ctx, 'qchatCreateChannelIdentify', { accid: 'owner', serverId, channelId, serverRoleId: roleId });
    ok(ctx, 'qchatUpdateWhiteBlackIdentify', { serverId, channelId, type: 2, opeType: 1, accid: 'owner', roleid: roleId });
    ok(ctx, 'qchatRemoveServerIdentify', { accid: 'owner', serverId, roleId });
    expect(ok(ctx, 'qchatGetChannelIdentifyPages', { accid: 'a', serverId, channelId }).identifies).toHaveLength(1);
    const listed = ok(ctx, 'qchatQueryWhiteBlackIdentify', { serverId, channelId, accid: 'a', type: 2, timetag: 0, limit: 10 });
    expect(listed.identifies).toEqual([]);
  });
});
