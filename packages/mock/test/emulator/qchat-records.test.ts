// QChat application and invitation records (queryInviteApplyHistoryByServer / ByUser): what each invitation,
// application and answer leaves, read back by server and by account, in time order and pages.
import { describe, expect, it } from 'vitest';
import { newApp, ok, refused, serverWith } from './qchat-support.js';

const byServer = (ctx: ReturnType<typeof newApp>, serverId: string, extra: Record<string, unknown> = {}) =>
  ok(ctx, 'qchatQueryInviteApplyHistoryByServer', { accid: 'owner', serverId, ...extra }).data;

describe('QChat invite and apply records', () => {
  it('records invitations and their answers: pending, accepted, declined, and the INVITE_ACK of each answer', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', [], { inviteMode: 0 });
    ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['a', 'b'], msg: 'join us' });
    ok(ctx, 'qchatAcceptServerInvite', { accid: 'a', serverId, inviteAccid: 'owner' });
    ok(ctx, 'qchatRejectServerInvite', { accid: 'b', serverId, inviteAccid: 'owner', msg: 'no thanks' });
    const records = byServer(ctx, serverId, { reverse: 1 });
    expect(records.map((r: any) => [r.type, r.accid, r.status])).toEqual([
      [2, 'a', 1],
      [2, 'b', 2],
      [3, 'a', 1],
      [3, 'b', 2],
    ]);
    expect(records[0]).toMatchObject({ serverId: BigInt(serverId), data: { inviteAccid: 'owner', inviteMsg: 'join us' } });
    expect(records[2].requestId).toBe(records[0].recordId);
    expect(records[3].data).toEqual({ inviteAccid: 'owner', updateMsg: 'no thanks' });
    expect(records[0].recordId > 2n ** 53n).toBe(true);
  });

  it('records applications: joined at once (5), or pending until accepted or declined by whom', () => {
    const ctx = newApp();
    const open = serverWith(ctx, 'owner');
    ok(ctx, 'qchatApplyServer', { accid: 'walkin', serverId: open, msg: 'hi' });
    expect(byServer(ctx, open).map((r: any) => [r.type, r.accid, r.status, r.data])).toEqual([[1, 'walkin', 5, { applyMsg: 'hi' }]]);
    const closed = serverWith(ctx, 'owner', [], { applyMode: 1 });
    ok(ctx, 'qchatApplyServer', { accid: 'x', serverId: closed });
    ok(ctx, 'qchatApplyServer', { accid: 'y', serverId: closed });
    expect(byServer(ctx, closed).map((r: any) => r.status)).toEqual([0, 0]);
    ok(ctx, 'qchatAcceptServerApply', { accid: 'owner', serverId: closed, applyAccid: 'x' });
    ok(ctx, 'qchatRejectServerApply', { accid: 'owner', serverId: closed, applyAccid: 'y', msg: 'full' });
    expect(byServer(ctx, closed).map((r: any) => [r.accid, r.status, r.data])).toEqual([
      ['y', 2, { updateAccid: 'owner', updateMsg: 'full' }],
      ['x', 1, { updateAccid: 'owner' }],
    ]);
  });

  it('settles the other pending requests of an account that joined as accepted through another one (3)', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', [], { inviteMode: 0, applyMode: 1 });
    ok(ctx, 'qchatApplyServer', { accid: 'c', serverId });
    ok(ctx, 'qchatInviteServerMember', { accid: 'owner', serverId, invitedAccids: ['c'] });
    ok(ctx, 'qchatAcceptServerInvite', { accid: 'c', serverId, inviteAccid: 'owner' });
    const mine = ok(ctx, 'qchatQueryInviteApplyHistoryByUser', { accid: 'c', reverse: 1 }).data;
    expect(mine.map((r: any) => [r.type, r.status])).toEqual([
      [1, 3],
      [2, 1],
      [3, 1],
    ]);
  });

  it('pages by time range, excludeRecordId and limit; reads across servers by account', () => {
    const ctx = newApp();
    const s1 = serverWith(ctx, 'owner', ['u']);
    const s2 = serverWith(ctx, 'owner', ['u', 'v']);
    const all = byServer(ctx, s2);
    expect(all.map((r: any) => r.accid)).toEqual(['v', 'u']);
    const next = byServer(ctx, s2, { limit: 1, toTime: all[0].createTime, excludeRecordId: String(all[0].recordId) });
    expect(next.map((r: any) => r.accid)).toEqual(['u']);
    expect(byServer(ctx, s2, { fromTime: all[0].createTime }).map((r: any) => r.accid)).toEqual(['v']);
    const mine = ok(ctx, 'qchatQueryInviteApplyHistoryByUser', { accid: 'u' }).data;
    expect(mine.map((r: any) => String(r.serverId))).toEqual([s2, s1]);
  });

  it('takes the invite permission to read a server\'s records (403), and a server that exists (404)', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['member']);
    ok(ctx, 'qchatQueryInviteApplyHistoryByServer', { accid: 'member', serverId });
    const roleId = String(ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'owner', serverId }).identify[0].roleId);
    ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, auths: { '6': -1 } });
    expect(refused(ctx, 'qchatQueryInviteApplyHistoryByServer', { accid: 'member', serverId }).code).toBe(403);
    expect(refused(ctx, 'qchatQueryInviteApplyHistoryByServer', { accid: 'stranger', serverId }).code).toBe(403);
    expect(refused(ctx, 'qchatQueryInviteApplyHistoryByServer', { accid: 'owner', serverId: '12345' }).code).toBe(404);
    ok(ctx, 'qchatRemoveServer', { accid: 'owner', serverId });
    expect(ok(ctx, 'qchatQueryInviteApplyHistoryByUser', { accid: 'member' }).data).toEqual([]);
  });
});
