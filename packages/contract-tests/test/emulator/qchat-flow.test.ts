// QA plan for QChat (圈组) against the stateful mock, through @nimkit/client: each step reads like a test case a QA
// engineer runs against the vendor, and every answer on the wire is checked against the spec's success schema.
import { isNimApiError } from '@nimkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY, startTestMock, type Mock } from '../support/mock.js';
import { operations } from '../support/spec.js';
import { qchatClient } from './qchat-wire.js';

let mock: Mock;
let nim: ReturnType<typeof qchatClient>['nim'];
let answers: ReturnType<typeof qchatClient>['answers'];

beforeAll(async () => {
  mock = await startTestMock({ mode: 'stateful' });
  ({ nim, answers } = qchatClient(mock));
});
afterAll(() => mock.close());

/** The vendor code a call is refused with (fails the test when it succeeds). */
async function refusal(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (isNimApiError(error)) return error.code;
    throw error;
  }
  throw new Error('the call succeeded');
}

const OWNER = 'qa_owner';
const ALICE = 'qa_alice';
const BOB = 'qa_bob';
const CAROL = 'qa_carol';
let serverId: string;
let general: string;
let staff: string;
let moderators: string;
const sent: Array<{ msgIdServer: string; time: number }> = [];

describe('QChat QA plan', () => {
  it('1. creates a server and reads it back, with an exact 64-bit id', async () => {
    const { serverInfo } = await nim.qchat.createServer({ accid: OWNER, name: 'QA guild', custom: '{"tier":1}' });
    serverId = serverInfo.serverId;
    expect(BigInt(serverId) > 2n ** 53n).toBe(true);
    expect(serverInfo).toMatchObject({ name: 'QA guild', owner: OWNER, memberNumber: '1', inviteMode: 0, applyMode: 0 });
    const { serverInfos } = await nim.qchat.getServers({ serverIds: [serverId] });
    expect(serverInfos).toEqual([serverInfo]);
  });

  it('2. updates the server; fields left out keep their value', async () => {
    const { serverInfo } = await nim.qchat.updateServer({ accid: OWNER, serverId, name: 'QA guild (renamed)' });
    expect(serverInfo).toMatchObject({ name: 'QA guild (renamed)', custom: '{"tier":1}' });
    const [read] = (await nim.qchat.getServers({ serverIds: [serverId] })).serverInfos;
    expect(read?.name).toBe('QA guild (renamed)');
  });

  it('3. invites members who accept (or decline); the members read back', async () => {
    await nim.qchat.inviteServerMember({ accid: OWNER, serverId, invitedAccids: [ALICE, BOB, CAROL, 'qa_dave'], msg: 'welcome' });
    for (const accid of [ALICE, BOB, CAROL]) await nim.qchat.acceptServerInvite({ accid, serverId, inviteAccid: OWNER });
    await nim.qchat.rejectServerInvite({ accid: 'qa_dave', serverId, inviteAccid: OWNER, msg: 'not now' });
    expect(await refusal(nim.qchat.acceptServerInvite({ accid: 'qa_dave', serverId, inviteAccid: OWNER }))).toBe(404);
    expect(await refusal(nim.qchat.acceptServerInvite({ accid: ALICE, serverId, inviteAccid: OWNER }))).toBe(417);
    const { serverMembers } = await nim.qchat.getServerMembers({ serverIdAccids: [ALICE, BOB, 'qa_dave'].map((a) => `${serverId}|${a}`) });
    expect(serverMembers.map((m) => [m.accid, m.inviter, m.type])).toEqual([
      [ALICE, OWNER, 0],
      [BOB, OWNER, 0],
    ]);
  });

  it('4. pages the member list, more members than one page, newest first, without gaps or repeats', async () => {
    await nim.qchat.updateServer({ accid: OWNER, serverId, inviteMode: 1 });
    const crowd = Array.from({ length: 12 }, (_, i) => `qa_member_${i}`);
    await nim.qchat.inviteServerMember({ accid: OWNER, serverId, invitedAccids: crowd });
    const seen: string[] = [];
    let timetag = 0;
    let pages = 0;
    for (;;) {
      const page = await nim.qchat.getServerMemberListPage({ serverId, timetag, limit: 5, accid: ALICE });
      seen.push(...page.serverMembers.map((m) => m.accid));
      pages += 1;
      if (!page.pageInfo.hasMore) break;
      timetag = page.pageInfo.nextTimetag;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual([...[...crowd].reverse(), CAROL, BOB, ALICE, OWNER]);
    const [info] = (await nim.qchat.getServers({ serverIds: [serverId] })).serverInfos;
    expect(info?.memberNumber).toBe('16'); // a 64-bit count: an exact string (docs/adr/0019)
  });

  it('5. creates a public and a private channel; both list for the owner', async () => {
    general = (await nim.qchat.createChannel({ accid: OWNER, serverId, type: 0, name: 'general', topic: 'chat' })).channelInfo.channelId;
    staff = (await nim.qchat.createChannel({ accid: OWNER, serverId, type: 0, name: 'staff', viewMode: 1 })).channelInfo.channelId;
    const { channelInfos, pageInfo } = await nim.qchat.getChannelListPage({ serverId, timetag: 0, limit: 10 });
    expect(channelInfos.map((c) => c.name)).toEqual(['staff', 'general']);
    expect(pageInfo.hasMore).toBe(false);
  });

  it('6. roles and permissions decide what a member may do', async () => {
    // An ordinary member may not manage channels.
    expect(await refusal(nim.qchat.createChannel({ accid: BOB, serverId, type: 0, name: 'bob' }))).toBe(403);
    // A moderators role with "manage channels" (2) and "recall others' messages" (9), given to Bob.
    const role = await nim.qchat.createServerIdentify({ accid: OWNER, serverId, type: 2, name: 'moderators' });
    moderators = role.identify.roleId;
    const updated = await nim.qchat.updateServerIdentify({ accid: OWNER, serverId, roleId: moderators, auths: { '2': 1, '9': 1 } });
    expect(JSON.parse(updated.identify.auths ?? '{}')).toMatchObject({ '2': 1, '9': 1, '3': -1 });
    const given = await nim.qchat.createServerIdentifyMember({ accid: OWNER, serverId, roleId: moderators, faccids: [BOB, 'qa_nobody'] });
    expect(given).toMatchObject({ successAccids: [BOB], failAccids: ['qa_nobody'] });
    const roles = await nim.qchat.getUserServerIdentify({ accid: OWNER, serverId, faccid: BOB });
    expect(roles.serverIdentifies.map((r) => r.roleId)).toEqual([moderators]);
    // Now Bob may create a channel, and Alice still may not.
    const bobs = await nim.qchat.createChannel({ accid: BOB, serverId, type: 0, name: 'bob' });
    expect(bobs.channelInfo.owner).toBe(BOB);
    expect(await refusal(nim.qchat.createChannel({ accid: ALICE, serverId, type: 0, name: 'alice' }))).toBe(403);
    // The private staff channel: Bob does not see it until his role is on its white list.
    const visible = async () => (await nim.qchat.getChannelListPage({ serverId, timetag: 0, limit: 10, accid: BOB })).channelInfos.map((c) => c.name);
    expect(await visible()).not.toContain('staff');
    expect(await refusal(nim.qchat.sendMsg({ serverId, channelId: staff, from: BOB, type: 0, body: 'hi' }))).toBe(403);
    await nim.qchat.updateWhiteBlackIdentify({ serverId, channelId: staff, type: 1, opeType: 1, accid: OWNER, roleid: moderators });
    expect(await visible()).toContain('staff');
    await nim.qchat.sendMsg({ serverId, channelId: staff, from: BOB, type: 0, body: 'hi staff' });
    // A channel role can take a right away in one channel: moderators may not manage the general channel.
    const channelRole = await nim.qchat.createChannelIdentify({ accid: OWNER, serverId, channelId: general, serverRoleId: moderators });
    await nim.qchat.updateChannelIdentify({ accid: OWNER, serverId, channelId: general, roleId: channelRole.identify.roleId, auths: { '2': -1 } });
    expect(await refusal(nim.qchat.updateChannel({ accid: BOB, channelId: general, name: 'mine' }))).toBe(403);
    await nim.qchat.updateChannel({ accid: BOB, channelId: bobs.channelInfo.channelId, name: 'bob renamed' });
  });

  it('7. sends, updates and recalls messages; recalling another member needs the permission', async () => {
    for (const body of ['first', 'second', 'third']) {
      const { data } = await nim.qchat.sendMsg({ serverId, channelId: general, from: ALICE, type: 0, body, msgIdClient: `c-${body}` });
      expect(BigInt(data.msgIdServer) > 2n ** 53n).toBe(true);
      sent.push({ msgIdServer: data.msgIdServer, time: data.time });
    }
    const [first, second] = sent as [(typeof sent)[0], (typeof sent)[0]];
    await nim.qchat.updateMsg({ operatorAccid: ALICE, serverId, channelId: general, ...first, body: 'first (edited)' });
    expect(await refusal(nim.qchat.updateMsg({ operatorAccid: CAROL, serverId, channelId: general, ...second, status: 1 }))).toBe(403);
    await nim.qchat.updateMsg({ operatorAccid: BOB, serverId, channelId: general, ...second, status: 1, operatorMsg: 'off-topic' });
    expect(await refusal(nim.qchat.updateMsg({ operatorAccid: ALICE, serverId, channelId: general, ...second, status: 1 }))).toBe(417);
  });

  it('8. reads the history newest first and pages it with excludeMsgId', async () => {
    const { data } = await nim.qchat.queryHistoryMsg({ accid: CAROL, serverId, channelId: general, limit: 2 });
    expect(data.map((m) => [m.body, m.status, m.fromAccount])).toEqual([
      ['third', 0, ALICE],
      ['second', 1, ALICE],
    ]);
    const last = data[1]!;
    const older = await nim.qchat.queryHistoryMsg({
      accid: CAROL,
      serverId,
      channelId: general,
      limit: 2,
      toTime: last.time,
      excludeMsgId: last.msgIdServer,
    });
    expect(older.data.map((m) => m.body)).toEqual(['first (edited)']);
  });

  it('9. removes the server; everything under it is gone', async () => {
    expect(await refusal(nim.qchat.removeServer({ accid: BOB, serverId }))).toBe(403);
    await nim.qchat.removeServer({ accid: OWNER, serverId });
    expect((await nim.qchat.getServers({ serverIds: [serverId] })).serverInfos).toEqual([]);
    expect((await nim.qchat.getChannels({ channelIds: [general, staff] })).channelInfos).toEqual([]);
    expect((await nim.qchat.getServerListPage({ accid: ALICE, limit: 10 })).serverInfos).toEqual([]);
    expect(await refusal(nim.qchat.updateServer({ accid: OWNER, serverId, name: 'ghost' }))).toBe(404);
    expect(await refusal(nim.qchat.queryHistoryMsg({ accid: OWNER, serverId, channelId: general }))).toBe(404);
    expect(await refusal(nim.qchat.sendMsg({ serverId, channelId: general, from: OWNER, type: 0, body: 'anyone?' }))).toBe(404);
    expect(await refusal(nim.qchat.getServerIdentifyPages({ accid: OWNER, serverId }))).toBe(404);
  });
});

describe('QChat under 50 concurrent callers', () => {
  it('50 accounts apply and then each sends a message at once: nothing lost, nothing doubled', async () => {
    const busy = (await nim.qchat.createServer({ accid: OWNER, name: 'busy' })).serverInfo.serverId;
    const callers = Array.from({ length: 50 }, (_, i) => `qa_busy_${i}`);
    await Promise.all(callers.map((accid) => nim.qchat.applyServer({ accid, serverId: busy })));
    const channelId = (await nim.qchat.createChannel({ accid: OWNER, serverId: busy, type: 0 })).channelInfo.channelId;
    const sends = await Promise.all(
      callers.map((from, i) => nim.qchat.sendMsg({ serverId: busy, channelId, from, type: 0, body: `m${i}` })),
    );
    expect(new Set(sends.map((s) => s.data.msgIdServer)).size).toBe(50);
    const [info] = (await nim.qchat.getServers({ serverIds: [busy] })).serverInfos;
    expect(info?.memberNumber).toBe('51');
    const { data } = await nim.qchat.queryHistoryMsg({ accid: OWNER, serverId: busy, channelId, limit: 100 });
    expect(data.map((m) => m.body).sort()).toEqual(callers.map((_, i) => `m${i}`).sort());
    expect(new Set(data.map((m) => m.time)).size).toBe(50);
  });
});

describe('QChat QA plan: the rest of the surface', () => {
  let sid: string;
  let lobby: string;
  let helpers: string;

  it('10. applications need approval with applyMode 1; members edit profiles, leave and are kicked', async () => {
    sid = (await nim.qchat.createServer({ accid: OWNER, name: 'clubs', applyMode: 1, inviteMode: 1 })).serverInfo.serverId;
    await nim.qchat.applyServer({ accid: ALICE, serverId: sid, msg: 'let me in' });
    await nim.qchat.applyServer({ accid: BOB, serverId: sid });
    await nim.qchat.applyServer({ accid: CAROL, serverId: sid });
    await nim.qchat.acceptServerApply({ accid: OWNER, serverId: sid, applyAccid: ALICE });
    await nim.qchat.acceptServerApply({ accid: OWNER, serverId: sid, applyAccid: BOB });
    await nim.qchat.rejectServerApply({ accid: OWNER, serverId: sid, applyAccid: CAROL, msg: 'full' });
    const me = await nim.qchat.updateServerMember({ accid: ALICE, serverId: sid, nick: 'Alice', custom: 'c' });
    expect(me.serverMember).toMatchObject({ accid: ALICE, nick: 'Alice', type: 0 });
    const other = await nim.qchat.updateOtherServerMember({ accid: OWNER, serverId: sid, otherAccid: ALICE, avatar: 'a.png' });
    expect(other.serverMember).toMatchObject({ nick: 'Alice', avatar: 'a.png', custom: 'c' });
    await nim.qchat.inviteServerMember({ accid: OWNER, serverId: sid, invitedAccids: ['qa_erin', 'qa_frank'] });
    await nim.qchat.leaveServer({ accid: 'qa_erin', serverId: sid });
    await nim.qchat.kickServerMember({ accid: OWNER, serverId: sid, kickedAccids: ['qa_frank'] });
    const page = await nim.qchat.getServerMemberListPage({ serverId: sid, timetag: 0, limit: 10 });
    expect(page.serverMembers.map((m) => m.accid)).toEqual([BOB, ALICE, OWNER]);
    const [ownerRow] = (await nim.qchat.getServerMembers({ serverIdAccids: [`${sid}|${OWNER}`] })).serverMembers;
    expect(ownerRow?.type).toBe(1);
  });

  it('11. roles: holders page by anchor, priorities order the list, a removed role is gone', async () => {
    const helpersRole = await nim.qchat.createServerIdentify({ accid: OWNER, serverId: sid, type: 2, name: 'helpers', priority: 2 });
    helpers = helpersRole.identify.roleId;
    const spare = (await nim.qchat.createServerIdentify({ accid: OWNER, serverId: sid, type: 2, name: 'spare', priority: 1 })).identify.roleId;
    const list = await nim.qchat.getServerIdentifyPages({ accid: ALICE, serverId: sid, limit: 10 });
    expect(list.identify.map((r) => r.name)).toEqual(['everyone', 'spare', 'helpers']);
    await nim.qchat.createServerIdentifyMember({ accid: OWNER, serverId: sid, roleId: helpers, faccids: [ALICE, BOB] });
    const holders = await nim.qchat.getServerIdentifyMemberPages({ accid: OWNER, serverId: sid, roleId: helpers, limit: 1 });
    expect(holders.serverMembers.map((m) => m.accid)).toEqual([BOB]);
    const taken = await nim.qchat.deleteServerIdentifyMember({ accid: OWNER, serverId: sid, roleId: helpers, faccids: [BOB] });
    expect(taken).toMatchObject({ successAccids: [BOB], failAccids: [] });
    await nim.qchat.removeServerIdentify({ accid: OWNER, serverId: sid, roleId: spare });
    const after = await nim.qchat.getServerIdentifyPages({ accid: ALICE, serverId: sid });
    expect(after.identify.map((r) => r.name)).toEqual(['everyone', 'helpers']);
  });

  it('12. channel roles, per-user permissions and the white/black lists read back', async () => {
    lobby = (await nim.qchat.createChannel({ accid: OWNER, serverId: sid, type: 0, name: 'lobby' })).channelInfo.channelId;
    const cr = await nim.qchat.createChannelIdentify({ accid: OWNER, serverId: sid, channelId: lobby, serverRoleId: helpers });
    const roles = await nim.qchat.getChannelIdentifyPages({ accid: ALICE, serverId: sid, channelId: lobby, limit: 10 });
    expect(roles.identifies.map((r) => r.serverRoleId)).toEqual([expect.any(String), helpers]);
    await nim.qchat.deleteChannelIdentify({ accid: OWNER, serverId: sid, channelId: lobby, roleId: cr.identify.roleId });
    await nim.qchat.createUserIdentify({ accid: OWNER, serverId: sid, channelId: lobby, faccid: BOB });
    const ui = await nim.qchat.updateUserIdentify({ accid: OWNER, serverId: sid, channelId: lobby, faccid: BOB, auths: { '4': -1 } });
    expect(JSON.parse(ui.identify.auths ?? '{}')).toMatchObject({ '4': -1 });
    expect(await refusal(nim.qchat.sendMsg({ serverId: sid, channelId: lobby, from: BOB, type: 0, body: 'muted?' }))).toBe(403);
    const users = await nim.qchat.getUserIdentifyPages({ accid: ALICE, serverId: sid, channelId: lobby, limit: 10 });
    expect(users.identifies.map((u) => u.accid)).toEqual([BOB]);
    await nim.qchat.deleteUserIdentify({ accid: OWNER, serverId: sid, channelId: lobby, faccid: BOB });
    await nim.qchat.sendMsg({ serverId: sid, channelId: lobby, from: BOB, type: 0, body: 'not muted' });
    // Black list: a role and an account.
    const list = { serverId: sid, channelId: lobby, type: 2 as const, accid: OWNER };
    await nim.qchat.updateWhiteBlackIdentify({ ...list, opeType: 1, roleid: helpers });
    await nim.qchat.updateWhiteBlackIdentifyUser({ ...list, opeType: 1, toAccids: [BOB] });
    const listedRoles = await nim.qchat.queryWhiteBlackIdentify({ ...list, accid: ALICE, timetag: 0, limit: 10 });
    expect(listedRoles.identifies.map((r) => r.roleId)).toEqual([helpers]);
    const listedUsers = await nim.qchat.queryWhiteBlackIdentifyUser({ ...list, accid: ALICE, timetag: 0, limit: 10 });
    expect(listedUsers.members.map((m) => m.accid)).toEqual([BOB]);
    expect((await nim.qchat.batchGetWhiteBlackIdentify({ ...list, roleids: [helpers] })).identifies).toHaveLength(1);
    expect((await nim.qchat.batchGetWhiteBlackIdentifyUser({ ...list, accids: [BOB, ALICE] })).members.map((m) => m.accid)).toEqual([BOB]);
    const inside = await nim.qchat.getChannelMemberListPage({ serverId: sid, channelId: lobby, timetag: 0, limit: 10 });
    expect(inside.members.map((m) => m.accid)).toEqual([OWNER]);
  });

  it('13. custom system notifications: sent to accounts and stored, updated by their receiver', async () => {
    const { data } = await nim.qchat.sendAttachMsg({
      toType: 3,
      serverId: sid,
      from: OWNER,
      toAccids: [ALICE],
      body: 'your badge is ready',
      option: { persist: true },
    });
    expect(data.type).toBe(100);
    const at = { serverId: sid, channelId: lobby, msgIdServer: data.msgIdServer, time: data.time, type: 100 };
    expect(await refusal(nim.qchat.updateAttachMsg({ ...at, operatorAccid: BOB, status: 10001 }))).toBe(403);
    await nim.qchat.updateAttachMsg({ ...at, operatorAccid: ALICE, status: 10001, ext: 'seen' });
    await nim.qchat.sendAttachMsg({ toType: 2, serverId: sid, channelId: lobby, from: OWNER, body: 'channel-wide' });
  });

  it('14. the link addresses; a channel removed is gone', async () => {
    expect((await nim.qchat.requestAddr({ accid: ALICE, type: 0 })).data.length).toBeGreaterThan(0);
    await nim.qchat.removeChannel({ accid: OWNER, channelId: lobby });
    expect((await nim.qchat.getChannels({ channelIds: [lobby] })).channelInfos).toEqual([]);
  });
});

describe('QChat QA plan: invitation records, channel categories, threads and mentions', () => {
  let sid: string;
  let hall: string;
  let mods: string;

  /** Edits this app's QChat state the way a QA suite loads a fixture: read the snapshot, change it, load it back. */
  async function editState(change: (qchat: any) => void) {
    const control = `${new URL(mock.url).origin}/_mock/state`;
    const snapshot = await (await fetch(`${control}?appKey=${APP_KEY}`)).json();
    change(snapshot.apps[APP_KEY].state.qchat);
    const loaded = await fetch(`${control}?merge=true`, { method: 'PUT', body: JSON.stringify(snapshot) });
    expect(loaded.status).toBe(200);
  }

  it('15. every invitation, application and answer leaves a record, read back by server and by account', async () => {
    sid = (await nim.qchat.createServer({ accid: OWNER, name: 'records', applyMode: 1 })).serverInfo.serverId;
    await nim.qchat.inviteServerMember({ accid: OWNER, serverId: sid, invitedAccids: [ALICE, BOB], msg: 'join us' });
    await nim.qchat.acceptServerInvite({ accid: ALICE, serverId: sid, inviteAccid: OWNER });
    await nim.qchat.rejectServerInvite({ accid: BOB, serverId: sid, inviteAccid: OWNER, msg: 'later' });
    await nim.qchat.applyServer({ accid: CAROL, serverId: sid, msg: 'me too' });
    await nim.qchat.acceptServerApply({ accid: OWNER, serverId: sid, applyAccid: CAROL });
    const { data } = await nim.qchat.queryInviteApplyHistoryByServer({ accid: OWNER, serverId: sid, reverse: 1 });
    expect(data.map((r) => [r.type, r.accid, r.status])).toEqual([
      [2, ALICE, 1],
      [2, BOB, 2],
      [3, ALICE, 1],
      [3, BOB, 2],
      [1, CAROL, 1],
    ]);
    const page = await nim.qchat.queryInviteApplyHistoryByServer({ accid: OWNER, serverId: sid, limit: 2, excludeRecordId: data.at(-1)!.recordId, toTime: data.at(-1)!.createTime });
    expect(page.data.map((r) => r.accid)).toEqual([BOB, ALICE]);
    const bobs = (await nim.qchat.queryInviteApplyHistoryByUser({ accid: BOB })).data.filter((r) => r.serverId === sid);
    expect(bobs.map((r) => [r.type, r.status])).toEqual([
      [3, 2],
      [2, 2],
    ]);
    expect(await refusal(nim.qchat.queryInviteApplyHistoryByServer({ accid: BOB, serverId: sid }))).toBe(403);
  });

  it('16. channel categories loaded from a fixture list, take a category role, and answer their white/black lists', async () => {
    hall = (await nim.qchat.createChannel({ accid: OWNER, serverId: sid, type: 0, name: 'hall' })).channelInfo.channelId;
    mods = (await nim.qchat.createServerIdentify({ accid: OWNER, serverId: sid, name: 'mods', type: 2 })).identify.roleId;
    await editState((q) => {
      q.categories['9001'] = { serverId: sid, name: 'Public', createTime: 1_000, lists: { black: { roles: { [mods]: 10 }, users: { [CAROL]: 11 } } } };
      q.categories['9002'] = { serverId: sid, name: 'Staff', viewMode: 1, createTime: 2_000, lists: { white: { users: { [ALICE]: 12 } } } };
      q.channels[hall].categoryId = '9001';
    });
    const all = await nim.qchat.getChannelCategoryListByServerPage({ serverId: sid, timetag: 0, limit: 10 });
    expect(all.categoryInfos.map((c) => [c.categoryId, c.name, c.channelNumber])).toEqual([
      ['9002', 'Staff', '0'],
      ['9001', 'Public', '1'],
    ]);
    const carolSees = await nim.qchat.getChannelCategoryListByServerPage({ serverId: sid, timetag: 0, limit: 10, accid: CAROL });
    expect(carolSees.categoryInfos).toEqual([]);

    const role = await nim.qchat.createChannelCategoryIdentify({ accid: OWNER, serverId: sid, categoryId: '9001', serverRoleId: mods });
    expect(role.identify).toMatchObject({ categoryId: '9001', serverRoleId: mods, name: 'mods' });
    expect(await refusal(nim.qchat.createChannelCategoryIdentify({ accid: OWNER, serverId: sid, categoryId: '9001', serverRoleId: mods }))).toBe(417);
    expect(await refusal(nim.qchat.createChannelCategoryIdentify({ accid: ALICE, serverId: sid, categoryId: '9002', serverRoleId: mods }))).toBe(403);

    const black = { serverId: sid, categoryId: '9001', type: 2 as const };
    expect((await nim.qchat.queryCategoryWhiteBlackIdentifyPage({ ...black, timetag: 0, limit: 10 })).identifies.map((r) => r.roleId)).toEqual([mods]);
    expect((await nim.qchat.queryCategoryWhiteBlackIdentifyUserPage({ ...black, timetag: 0, limit: 10, accid: ALICE })).members.map((m) => m.accid)).toEqual([CAROL]);
    expect((await nim.qchat.batchGetCategoryWhiteBlackIdentify({ ...black, roleids: [mods] })).identifies).toHaveLength(1);
    const white = await nim.qchat.batchGetCategoryWhiteBlackIdentifyUser({ serverId: sid, categoryId: '9002', type: 1, accids: [ALICE, CAROL] });
    expect(white.members.map((m) => m.accid)).toEqual([ALICE]);
    expect(await refusal(nim.qchat.queryCategoryWhiteBlackIdentifyPage({ ...black, categoryId: '9999', timetag: 0, limit: 10 }))).toBe(404);
  });

  it('17. a thread: its root, replies and counts (reply links loaded from a fixture)', async () => {
    const say = (from: string, body: string) => nim.qchat.sendMsg({ serverId: sid, channelId: hall, from, type: 0, body });
    const root = (await say(ALICE, 'what time is the raid?')).data;
    const replies = [(await say(OWNER, '8pm')).data, (await say(CAROL, 'see you')).data];
    await editState((q) => {
      for (const m of q.channels[hall].messages) {
        if (replies.some((r) => r.msgIdServer === m.msgIdServer)) m.threadRoot = { msgIdServer: root.msgIdServer, time: root.time };
      }
    });
    const thread = await nim.qchat.queryThreadTalkHistory({ serverId: sid, channelId: hall, msgIdServer: root.msgIdServer, msgTime: root.time, accid: ALICE });
    expect(thread.threadMsg?.body).toBe('what time is the raid?');
    expect([thread.total, thread.timestamp]).toEqual(['2', replies[1]!.time]);
    expect(thread.msgs?.map((m) => m.body)).toEqual(['see you', '8pm']);
    const meta = await nim.qchat.batchQueryThreadTalkMeta({ serverId: sid, channelId: hall, queryMsgs: [{ msgIdServer: root.msgIdServer, msgTime: root.time }] });
    expect(meta.data).toEqual([{ msgIdServer: root.msgIdServer, msgTime: root.time, total: '2', timestamp: replies[1]!.time }]);
    expect(await refusal(nim.qchat.queryThreadTalkHistory({ serverId: sid, channelId: hall, msgIdServer: root.msgIdServer, msgTime: root.time + 1 }))).toBe(404);
  });

  it('18. the unread messages that mention a member, by name or @everyone', async () => {
    await nim.qchat.sendMsg({ serverId: sid, channelId: hall, from: OWNER, type: 0, body: 'carol, ping', mentionedAccidList: [CAROL] });
    await nim.qchat.sendMsg({ serverId: sid, channelId: hall, from: OWNER, type: 0, body: 'everyone: raid', mentionedAll: 1 });
    const { data } = await nim.qchat.queryChannelUnReadMentionedMsgPage({ accid: CAROL, serverId: sid, channelId: hall });
    expect(data.msgList?.map((m) => m.body)).toEqual(['everyone: raid', 'carol, ping']);
    const alice = await nim.qchat.queryChannelUnReadMentionedMsgPage({ accid: ALICE, serverId: sid, channelId: hall, limit: 10 });
    expect(alice.data.msgList?.map((m) => m.body)).toEqual(['everyone: raid']);
  });
});

describe('QChat answers on the wire', () => {
  it('every QChat operation answered 200 at least once, each success with the shape of its schema', () => {
    const qchatOps = operations.filter((o) => o.group === 'qchat').map((o) => o.operationId);
    const succeeded = new Set(answers.filter((a) => a.code === 200).map((a) => a.operationId));
    expect(qchatOps.filter((id) => !succeeded.has(id))).toEqual([]);
    expect(answers.filter((a) => a.code === 200).flatMap((a) => a.problems)).toEqual([]);
    // Refusals are vendor error bodies: a code and a readable desc, never an HTTP 500.
    for (const a of answers.filter((x) => x.code !== 200)) expect(JSON.parse(a.text)).toEqual({ code: a.code, desc: expect.any(String) });
  });
});
