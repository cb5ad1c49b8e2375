// paginate() against the stateful emulator (issue 14): each paged list holds more items than one page, the loop
// yields every item exactly once, newest first as the vendor lists them, and stops at the vendor's end-of-list
// signal (`pageInfo.hasMore` false, or a short page where the vendor gives no flag) without an extra request. Not
// here: thread history and channel categories, which only a loaded state holds (no create call in the spec).
import { createNimClient, paginate, type PagedItems, type PagedOperationId, type PagedRequests } from '@nimkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from '../support/mock.js';

const COUNT = 25;
const PAGE = 10;

let mock: Mock;
const requests: string[] = []; // operationId of every request the client sent, in order
let nim: ReturnType<typeof createNimClient>;

beforeAll(async () => {
  mock = await startTestMock({ mode: 'stateful' });
  nim = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, hooks: { onRequest: (e) => requests.push(e.operationId) } });
});
afterAll(() => mock.close());

/** Every item of a paged list through paginate(), and how many page requests it took. */
async function collect<Op extends PagedOperationId>(op: Op, body: PagedRequests[Op], pageSize = PAGE) {
  const before = requests.length;
  const items: PagedItems[Op][] = [];
  for await (const item of paginate(nim, op, body, { pageSize })) items.push(item);
  const sent = requests.slice(before);
  expect(new Set(sent)).toEqual(new Set([op]));
  return { items, pages: sent.length };
}

const names = (prefix: string, n = COUNT) => Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(2, '0')}`);

describe('paginate() on the stateful emulator, more items than one page', () => {
  let serverId: string;
  let channelId: string;
  const crowd = names('pg_member', COUNT - 1);

  beforeAll(async () => {
    ({ serverId } = (await nim.qchat.createServer({ accid: 'pg_owner', name: 'paged', inviteMode: 1 })).serverInfo);
    // inviteMode 1: the invited join at once; one accid per call so each has its own join time.
    for (const accid of crowd) await nim.qchat.inviteServerMember({ accid: 'pg_owner', serverId, invitedAccids: [accid] });
  });

  it('qchatGetServerListPage: every server a user joined, once each; stops on hasMore false', async () => {
    const created: string[] = [];
    for (const name of names('pg_server')) created.push((await nim.qchat.createServer({ accid: 'pg_lister', name })).serverInfo.serverId);
    const { items, pages } = await collect('qchatGetServerListPage', { accid: 'pg_lister' });
    expect(items.map((s) => s.serverId)).toEqual([...created].reverse());
    expect(pages).toBe(3);
  });

  it('qchatGetServerMemberListPage: every member once, newest first', async () => {
    const { items, pages } = await collect('qchatGetServerMemberListPage', { serverId });
    expect(items.map((m) => m.accid)).toEqual([...crowd].reverse().concat('pg_owner'));
    expect(pages).toBe(3);
  });

  it('qchatGetChannelListPage: every channel once, newest first', async () => {
    const created: string[] = [];
    for (const name of names('pg_channel')) created.push((await nim.qchat.createChannel({ accid: 'pg_owner', serverId, type: 0, name })).channelInfo.channelId);
    channelId = created[0]!;
    const { items, pages } = await collect('qchatGetChannelListPage', { serverId });
    expect(items.map((c) => c.channelId)).toEqual([...created].reverse());
    expect(pages).toBe(3);
  });

  it('qchatGetChannelMemberListPage: a public channel lists every server member once', async () => {
    const { items, pages } = await collect('qchatGetChannelMemberListPage', { serverId, channelId });
    expect(items.map((m) => m.accid)).toEqual([...crowd].reverse().concat('pg_owner'));
    expect(pages).toBe(3);
  });

  it('an exact multiple of the page size: hasMore false on the last full page, no empty page asked for', async () => {
    const { items, pages } = await collect('qchatGetServerMemberListPage', { serverId }, 5);
    expect(items).toHaveLength(COUNT);
    expect(pages).toBe(5);
  });

  it('qchatGetServerIdentifyPages: every role once in priority order, the everyone role on top of the first page', async () => {
    const created: string[] = [];
    for (const name of names('pg_role')) created.push((await nim.qchat.createServerIdentify({ accid: 'pg_owner', serverId, type: 2, name })).identify.roleId);
    const { items, pages } = await collect('qchatGetServerIdentifyPages', { accid: 'pg_owner', serverId });
    expect(items[0]).toMatchObject({ type: 1 }); // the everyone role
    expect(items.slice(1).map((r) => r.roleId)).toEqual(created);
    expect(pages).toBe(3); // 1 + 10, 10, then the short page of 5
  });

  it('qchatQueryHistoryMsg: every message once, newest first, paged on toTime with excludeMsgId', async () => {
    const sent: string[] = [];
    for (const body of names('pg_msg')) sent.push((await nim.qchat.sendMsg({ serverId, channelId, from: 'pg_owner', type: 0, body })).data.msgIdServer);
    const { items, pages } = await collect('qchatQueryHistoryMsg', { accid: 'pg_owner', serverId, channelId });
    expect(items.map((m) => m.msgIdServer)).toEqual([...sent].reverse());
    expect(pages).toBe(3); // no flag: the short third page (5 rows) is the last
  });

  it('qchatQueryChannelUnReadMentionedMsgPage: every mention once; stops on data.pageInfo.hasMore false', async () => {
    const reader = crowd[0]!;
    const sent: string[] = [];
    for (const body of names('pg_mention')) {
      sent.push((await nim.qchat.sendMsg({ serverId, channelId, from: 'pg_owner', type: 0, body, mentionedAccidList: [reader] })).data.msgIdServer);
    }
    const { items, pages } = await collect('qchatQueryChannelUnReadMentionedMsgPage', { accid: reader, serverId, channelId });
    expect(items.map((m) => m.msgIdServer)).toEqual([...sent].reverse());
    expect(pages).toBe(3);
  });

  it('chatroomMembersByPage: every fixed member once, newest first; a short page ends the list', async () => {
    const { roomid } = (await nim.chatroom.create({ creator: 'pg_creator', name: 'paged room' })).chatroom;
    const members = names('pg_fixed', COUNT - 1);
    for (const target of members) await nim.chatroom.setMemberRole({ roomid, operator: 'pg_creator', target, opt: 2, optvalue: true });
    const { items, pages } = await collect('chatroomMembersByPage', { roomid, type: 0 });
    expect(items.map((m) => m.accid)).toEqual([...members].reverse().concat('pg_creator'));
    expect(pages).toBe(3);
  });

  it('chatroomMembersByPage, an exact multiple: the empty page after the last full one ends the list', async () => {
    const { roomid } = (await nim.chatroom.create({ creator: 'pg_creator2', name: 'paged room 2' })).chatroom;
    const members = names('pg_fixed2', 2 * PAGE - 1);
    for (const target of members) await nim.chatroom.setMemberRole({ roomid, operator: 'pg_creator2', target, opt: 2, optvalue: true });
    const { items, pages } = await collect('chatroomMembersByPage', { roomid, type: 0 });
    expect(items).toHaveLength(2 * PAGE);
    expect(new Set(items.map((m) => m.accid)).size).toBe(2 * PAGE);
    expect(pages).toBe(3); // the vendor gives no flag: only an empty (short) page says the list ended
  });
});
