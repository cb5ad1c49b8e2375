// QChat channel categories in the emulator: categories come from a loaded state (the spec has no call that creates
// one); they are listed per server (by time or by sort weight, as an account sees them), take category roles, and
// answer the reads of their white and black lists.
import { describe, expect, it } from 'vitest';
import { channelIn, newApp, ok, refused, serverWith, type Ctx } from './qchat-support.js';

/** A server with members and two categories written into the state, as PUT /_mock/state would. */
function withCategories(ctx: Ctx) {
  const serverId = serverWith(ctx, 'owner', ['alice', 'bob']);
  const roleId = String(ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, name: 'mods', type: 2 }).identify.roleId);
  ctx.state.qchat.categories = {
    '900': { serverId, name: 'Lobby', createTime: 1_000, reorderweight: 2, lists: { white: { roles: {}, users: {} }, black: { roles: { [roleId]: 5 }, users: { bob: 6 } } } },
    '901': { serverId: Number(serverId), name: 'Staff', viewMode: 1, createTime: 2_000, reorderweight: 1, lists: { white: { roles: {}, users: { alice: 7 } } } },
  };
  return { serverId, roleId };
}

describe('QChat channel categories', () => {
  it('lists the categories of a server newest first, by sort weight with a page token, and as an account sees them', () => {
    const ctx = newApp();
    const { serverId } = withCategories(ctx);
    const channelId = channelIn(ctx, serverId, 'owner');
    ctx.state.qchat.channels[channelId].categoryId = '900';
    const first = ok(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: 0, limit: 1 });
    expect(first.categoryInfos.map((c: any) => c.name)).toEqual(['Staff']);
    expect(first.pageInfo).toEqual({ hasMore: true, nextTimetag: 2_000 });
    const second = ok(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: first.pageInfo.nextTimetag, limit: 1 });
    expect(second.categoryInfos).toEqual([
      { categoryId: 900n, serverId: BigInt(serverId), name: 'Lobby', owner: 'owner', viewMode: 0, channelNumber: 1, validFlag: 1, createTime: 1_000, updateTime: 1_000, reorderweight: 2 },
    ]);
    const sorted = ok(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: 0, limit: 1, sortField: 1 });
    expect([sorted.categoryInfos[0].name, sorted.pageInfo.nextPageToken]).toEqual(['Staff', '1']);
    const rest = ok(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: 0, limit: 1, sortField: 1, pageToken: '1' });
    expect([rest.categoryInfos[0].name, rest.pageInfo.hasMore]).toEqual(['Lobby', false]);
    // bob is on Lobby's black list and not on Staff's white list; alice is on Staff's white list.
    const seen = (accid: string) => ok(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: 0, limit: 10, accid }).categoryInfos.map((c: any) => c.name);
    expect(seen('bob')).toEqual([]);
    expect(seen('alice')).toEqual(['Staff', 'Lobby']);
    expect(refused(ctx, 'qchatGetChannelCategoryListByServerPage', { serverId, timetag: 0, limit: 10, accid: 'stranger' }).code).toBe(403);
  });

  it('reads the white and black lists of a category: pages and batch gets of roles and accounts', () => {
    const ctx = newApp();
    const { serverId, roleId } = withCategories(ctx);
    const black = { serverId, categoryId: '900', type: 2 };
    const roles = ok(ctx, 'qchatQueryCategoryWhiteBlackIdentifyPage', { ...black, timetag: 0, limit: 10 });
    expect(roles.identifies.map((r: any) => [String(r.roleId), r.name])).toEqual([[roleId, 'mods']]);
    expect(roles.pageInfo).toEqual({ hasMore: false, nextTimetag: 5 });
    const users = ok(ctx, 'qchatQueryCategoryWhiteBlackIdentifyUserPage', { ...black, timetag: 0, limit: 10, accid: 'alice' });
    expect(users.members.map((m: any) => m.accid)).toEqual(['bob']);
    expect(ok(ctx, 'qchatBatchGetCategoryWhiteBlackIdentify', { ...black, roleids: [roleId, '1'] }).identifies).toHaveLength(1);
    expect(ok(ctx, 'qchatBatchGetCategoryWhiteBlackIdentifyUser', { ...black, accids: ['alice', 'bob'] }).members.map((m: any) => m.accid)).toEqual(['bob']);
    expect(ok(ctx, 'qchatBatchGetCategoryWhiteBlackIdentifyUser', { serverId, categoryId: '901', type: 1, accids: ['alice'] }).members).toHaveLength(1);
    // Taking the role away from the server, or the member out of it, takes them off the lists.
    ok(ctx, 'qchatRemoveServerIdentify', { accid: 'owner', serverId, roleId });
    ok(ctx, 'qchatKickServerMember', { accid: 'owner', serverId, kickedAccids: ['bob'] });
    expect(ok(ctx, 'qchatQueryCategoryWhiteBlackIdentifyPage', { ...black, timetag: 0, limit: 10 }).identifies).toEqual([]);
    expect(ok(ctx, 'qchatQueryCategoryWhiteBlackIdentifyUserPage', { ...black, timetag: 0, limit: 10 }).members).toEqual([]);
    expect(refused(ctx, 'qchatQueryCategoryWhiteBlackIdentifyPage', { serverId, categoryId: '999', type: 1, timetag: 0, limit: 10 }).code).toBe(404);
  });

  it('brings a server role into a category once (417 again), for the owner or a role manager (403 otherwise)', () => {
    const ctx = newApp();
    const { serverId, roleId } = withCategories(ctx);
    const create = (accid: string, serverRoleId: string) => ({ accid, serverId, categoryId: '900', serverRoleId });
    const { identify } = ok(ctx, 'qchatCreateChannelCategoryIdentify', create('owner', roleId));
    expect(identify).toMatchObject({ serverId: BigInt(serverId), categoryId: 900n, serverRoleId: BigInt(roleId), name: 'mods' });
    expect(JSON.parse(identify.auths)).toMatchObject({ '2': 0, '13': 0 });
    expect(refused(ctx, 'qchatCreateChannelCategoryIdentify', create('owner', roleId)).code).toBe(417);
    const other = String(ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, name: 'other', type: 2 }).identify.roleId);
    expect(refused(ctx, 'qchatCreateChannelCategoryIdentify', create('alice', other))).toEqual({ code: 403, desc: 'alice lacks permission 3 (manageRole) in category 900' });
    expect(refused(ctx, 'qchatCreateChannelCategoryIdentify', create('owner', '12345')).code).toBe(404);
    ok(ctx, 'qchatRemoveServer', { accid: 'owner', serverId });
    expect(ctx.state.qchat.categories).toEqual({});
  });
});
