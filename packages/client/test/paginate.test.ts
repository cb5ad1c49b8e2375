// Auto-pagination against a loopback server that pages like the vendor, with more rows than one page.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createNimClient, NimApiError, paginate, pagingRules, type PagedItems, type PagedOperationId, type QchatServerMember } from '../src/index.js';
import { listers, startPagingServer, type PagingServer } from './support/paging-server.js';

const open: PagingServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(operationId: string, options: Parameters<typeof startPagingServer>[1]) {
  const server = await startPagingServer(operationId, options);
  open.push(server);
  return server;
}

// Validation off: the bodies below carry only what paging needs (validation has its own suites).
const client = (baseUrl: string) => createNimClient({ appKey: 'page-key', appSecret: 'paging-secret-0123456789', baseUrl, validate: false, retry: false });
const ids = (rows: readonly unknown[]) => rows.map((r) => (r as { id: string }).id);

async function collect<Op extends PagedOperationId>(server: PagingServer, operationId: Op, body: object, options = {}) {
  const out: PagedItems[Op][] = [];
  for await (const item of paginate(client(server.url), operationId, body as never, options)) out.push(item);
  return out;
}

describe('every paged operation of the spec', () => {
  it('is iterated by the loopback vendor pager too (the two lists agree)', () => {
    expect(Object.keys(pagingRules).sort()).toEqual(Object.keys(listers).sort());
  });

  it.each(Object.keys(pagingRules) as PagedOperationId[])('%s: every row once, in order, 10 rows in pages of 4', async (operationId) => {
    const server = await serve(operationId, { count: 10 });
    const rows = await collect(server, operationId, {}, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(server.forms.every((f) => f['limit'] === '4')).toBe(true);
  });
});

describe('QChat pageInfo lists', () => {
  it('send timetag 0 first, then each nextTimetag, and stop on hasMore false without another request', async () => {
    const server = await serve('qchatGetServerMemberListPage', { count: 10 });
    const members: QchatServerMember[] = [];
    for await (const member of paginate(client(server.url), 'qchatGetServerMemberListPage', { serverId: '1' }, { pageSize: 4 })) members.push(member);
    expect(members).toHaveLength(10);
    expect(server.forms.map((f) => f['timetag'])).toEqual(['0', String(members[3]!.joinTime), String(members[7]!.joinTime)]);
    expect(server.forms.map((f) => f['serverId'])).toEqual(['1', '1', '1']);
  });

  it('keep going on a short page while hasMore is true (the vendor quirk)', async () => {
    const server = await serve('qchatGetServerListPage', { count: 10, shortPages: true });
    const rows = await collect(server, 'qchatGetServerListPage', { accid: 'a' }, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(server.forms).toHaveLength(3); // 3 + 3 (short, hasMore true) + 4
  });

  it('unread mentions: pageInfo inside data, cursor timeTag (capital T), the first page without one', async () => {
    const server = await serve('qchatQueryChannelUnReadMentionedMsgPage', { count: 10 });
    const rows = await collect(server, 'qchatQueryChannelUnReadMentionedMsgPage', { accid: 'a', serverId: '1', channelId: '2' }, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(server.forms.map((f) => f['timeTag'])).toEqual([undefined, String(rows[3]!.time), String(rows[7]!.time)]);
  });

  it('channel categories: timetag 0 first; only the time order is auto-paged (sortField 1 pages by pageToken)', async () => {
    const server = await serve('qchatGetChannelCategoryListByServerPage', { count: 5 });
    expect(await collect(server, 'qchatGetChannelCategoryListByServerPage', { serverId: '1' }, { pageSize: 4 })).toHaveLength(5);
    expect(server.forms.map((f) => f['timetag'])).toEqual(['0', String(server.rows[3]!['joinTime'])]);
    await expect(collect(server, 'qchatGetChannelCategoryListByServerPage', { serverId: '1', sortField: 1 })).rejects.toThrow(/sortField 0/);
    expect(server.forms).toHaveLength(2);
  });

  it('take the first page of limit + 1 rows (everyone on top) in stride', async () => {
    const server = await serve('qchatGetChannelMemberListPage', { count: 8 });
    const rows = await collect(server, 'qchatGetChannelMemberListPage', { serverId: '1', channelId: '2' }, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(rows).toHaveLength(9);
  });
});

describe('lists without a flag', () => {
  it('membersByPage: endtime 0, then the last member enterTime; a short page ends the list', async () => {
    const server = await serve('chatroomMembersByPage', { count: 10 });
    const rows = await collect(server, 'chatroomMembersByPage', { roomid: '6001', type: 0 }, { pageSize: 4 });
    expect(rows).toHaveLength(10);
    expect(server.forms.map((f) => f['endtime'])).toEqual(['0', String(rows[3]!.enterTime), String(rows[7]!.enterTime)]);
  });

  it('a full last page costs one more request, which comes back empty', async () => {
    const server = await serve('chatroomMembersByPage', { count: 8 });
    expect(await collect(server, 'chatroomMembersByPage', { roomid: '6001', type: 0 }, { pageSize: 4 })).toHaveLength(8);
    expect(server.forms).toHaveLength(3);
  });

  it('history: toTime is the last message time and excludeMsgId its id, so a tie across pages is neither lost nor repeated', async () => {
    const server = await serve('qchatQueryHistoryMsg', { count: 10, ties: true });
    const rows = await collect(server, 'qchatQueryHistoryMsg', { accid: 'a', serverId: '1', channelId: '2' }, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(server.forms[1]).toMatchObject({ toTime: String(rows[3]!.time), excludeMsgId: rows[3]!.msgIdServer });
    expect(rows[3]!.time).toBe(rows[4]!.time);
    expect(server.forms[0]).not.toHaveProperty('toTime');
  });

  it('thread replies: toTime and excludeMsgId from the last reply, newest first only', async () => {
    const server = await serve('qchatQueryThreadTalkHistory', { count: 10, ties: true });
    const thread = { serverId: '1', channelId: '2', msgIdServer: '9', msgTime: 1 };
    const rows = await collect(server, 'qchatQueryThreadTalkHistory', thread, { pageSize: 4 });
    expect(ids(rows)).toEqual(ids(server.rows));
    expect(server.forms[1]).toMatchObject({ toTime: String(rows[3]!.time), excludeMsgId: rows[3]!.msgIdServer });
    await expect(collect(server, 'qchatQueryThreadTalkHistory', { ...thread, reverse: true })).rejects.toThrow(/reverse false/);
  });

  it('tag members: endTime 0, then the last member enterTime', async () => {
    const server = await serve('chatroomTagMembersQuery', { count: 6 });
    const rows = await collect(server, 'chatroomTagMembersQuery', { roomid: '6001', tag: 'vip' }, { pageSize: 4 });
    expect(rows).toHaveLength(6);
    expect(server.forms.map((f) => f['endTime'])).toEqual(['0', String(rows[3]!.enterTime)]);
  });

  it('roles: priority anchor, everyone role first', async () => {
    const server = await serve('qchatGetServerIdentifyPages', { count: 6 });
    const rows = await collect(server, 'qchatGetServerIdentifyPages', { accid: 'a', serverId: '1' }, { pageSize: 4 });
    expect(ids(rows)).toEqual(['everyone', 'row-0', 'row-1', 'row-2', 'row-3', 'row-4', 'row-5']);
    expect(server.forms.map((f) => f['priority'])).toEqual([undefined, '4']);
  });
});

describe('bounds and options', () => {
  it('maxItems stops the loop and requests no further page', async () => {
    const server = await serve('qchatGetServerMemberListPage', { count: 10 });
    const rows = await collect(server, 'qchatGetServerMemberListPage', { serverId: '1' }, { pageSize: 4, maxItems: 5 });
    expect(ids(rows)).toEqual(ids(server.rows.slice(0, 5)));
    expect(server.forms).toHaveLength(2);
    expect(await collect(server, 'qchatGetServerMemberListPage', { serverId: '1' }, { maxItems: 0 })).toEqual([]);
    expect(server.forms).toHaveLength(2);
  });

  it('breaking out of the loop stops paging', async () => {
    const server = await serve('qchatGetChannelListPage', { count: 10 });
    for await (const channel of paginate(client(server.url), 'qchatGetChannelListPage', { serverId: '1' }, { pageSize: 4 })) {
      if ((channel as unknown as { id: string }).id === 'row-1') break;
    }
    expect(server.forms).toHaveLength(1);
  });

  it('page size: the vendor maximum by default, the body limit or pageSize otherwise; out of range refused before sending', async () => {
    const server = await serve('qchatGetServerListPage', { count: 3 });
    await collect(server, 'qchatGetServerListPage', { accid: 'a' });
    await collect(server, 'qchatGetServerListPage', { accid: 'a', limit: 7 });
    expect(server.forms.map((f) => f['limit'])).toEqual(['200', '7']);
    await expect(collect(server, 'qchatGetServerListPage', { accid: 'a' }, { pageSize: 201 })).rejects.toThrow(/pageSize must be an integer from 1 to 200/);
    await expect(collect(server, 'qchatGetServerListPage', { accid: 'a' }, { maxItems: -1 })).rejects.toThrow(/maxItems/);
    await expect(collect(server, 'qchatQueryHistoryMsg', { accid: 'a', serverId: '1', channelId: '2', reverse: 1 })).rejects.toThrow(/reverse 0/);
    expect(server.forms).toHaveLength(2);
  });

  it('a failed page rejects the loop with the call error, after the items already yielded', async () => {
    let calls = 0;
    const flaky = {
      call: (async () => {
        if (calls++) throw new NimApiError(414, 'param error', { operationId: 'qchatGetServerListPage', requestId: 'r' });
        return { code: 200, pageInfo: { hasMore: true, nextTimetag: 5 }, serverInfos: [{ serverId: '1' }] };
      }) as never,
    };
    const seen: string[] = [];
    const loop = (async () => {
      for await (const server of paginate(flaky, 'qchatGetServerListPage', { accid: 'a' })) seen.push(server.serverId);
    })();
    await expect(loop).rejects.toBeInstanceOf(NimApiError);
    expect(seen).toEqual(['1']);
  });

  it('a cursor that does not move is an error, not an endless loop', async () => {
    const stuck = { call: (async () => ({ code: 200, pageInfo: { hasMore: true, nextTimetag: 0 }, serverMembers: [{ accid: 'a' }] })) as never };
    await expect((async () => {
      for await (const _ of paginate(stuck, 'qchatGetServerMemberListPage', { serverId: '1' })) void _;
    })()).rejects.toThrow(/cursor did not move/);
  });
});

describe('types', () => {
  it('yields the operation item type and takes the body without paging fields', () => {
    expectTypeOf<PagedItems['qchatGetServerMemberListPage']>().toEqualTypeOf<QchatServerMember>();
    const nim = createNimClient({ appKey: 'k', appSecret: 's' });
    // @ts-expect-error serverId is required
    void paginate(nim, 'qchatGetServerMemberListPage', {});
    // @ts-expect-error not a paged operation
    void paginate(nim, 'qchatCreateServer', { accid: 'a' });
    // @ts-expect-error auto-pagination reads history newest first only
    void paginate(nim, 'qchatQueryHistoryMsg', { accid: 'a', serverId: '1', channelId: '2', reverse: 1 });
    // @ts-expect-error auto-pagination reads thread replies newest first only
    void paginate(nim, 'qchatQueryThreadTalkHistory', { serverId: '1', channelId: '2', msgIdServer: '9', msgTime: 1, reverse: true });
  });
});
