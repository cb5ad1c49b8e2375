// QA plan for QChat (圈组) against the stateful mock, through @nimkit/client: each step reads like a test case a QA
// engineer runs against the vendor, and every answer on the wire is checked against the spec's success schema.
import { isNimApiError } from '@nimkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type Mock } from '../support/mock.js';
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
    expect(serverInfo).toMatchObject({ name: 'QA guild', owner: OWNER, memberNumber: 1, inviteMode: 0, applyMode: 0 });
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
    expect(info?.memberNumber).toBe(16);
  });

  it('5. creates a public and a private channel; both list for the owner', async () => {
    general = (await nim.qchat.createChannel({ accid: OWNER, serverId, type: 0, name: 'general', topic: 'chat' })).channelInfo.channelId;
    staff = (await nim.qchat.createChannel({ accid: OWNER, serverId, type: 0, name: 'staff', viewMode: 1 })).channelInfo.channelId;
    const { channelInfos, pageInfo } = await nim.qchat.getChannelListPage({ serverId, limit: 10 });
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
    const visible = async () => (await nim.qchat.getChannelListPage({ serverId, limit: 10, accid: BOB })).channelInfos.map((c) => c.name);
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

  it('every answer on the wire has the shape of its operation success schema', () => {
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.code === 200).flatMap((a) => a.problems)).toEqual([]);
    // Refusals are vendor error bodies: a code and a readable desc, never an HTTP 500.
    for (const a of answers.filter((x) => x.code !== 200)) expect(JSON.parse(a.text)).toEqual({ code: a.code, desc: expect.any(String) });
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
    expect(info?.memberNumber).toBe(51);
    const { data } = await nim.qchat.queryHistoryMsg({ accid: OWNER, serverId: busy, channelId, limit: 100 });
    expect(data.map((m) => m.body).sort()).toEqual(callers.map((_, i) => `m${i}`).sort());
    expect(new Set(data.map((m) => m.time)).size).toBe(50);
  });
});
