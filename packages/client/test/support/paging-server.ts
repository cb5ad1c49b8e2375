// A loopback server that pages like the vendor, written from the vendor's paging rules as the spec describes them
// (not from the client's generated table): QChat lists with `pageInfo { hasMore, nextTimetag }`, role lists
// anchored on the last row's field with the everyone role on top of the first page, chatroom `membersByPage` on
// `endtime` (`tagMembersQuery` on `endTime`), and the message and thread histories on `toTime` (inclusive) plus
// `excludeMsgId`.
import { json, startServer, type TestServer } from '@nimkit/test-kit';

interface Lister {
  /** Where the rows go in the answer. */
  items: readonly string[];
  /** Request cursor, and the row field it compares with; rows are sorted on it (`asc` or newest first). */
  cursor: string;
  key: string;
  order: 'asc' | 'desc';
  /** The answer carries `pageInfo` (else the caller anchors on the last row). */
  pageInfo: boolean;
  /** `pageInfo` sits beside the rows inside the outer object (unread mentions: `data: { pageInfo, msgList }`). */
  pageInfoInside?: boolean;
  /** The first page starts with an extra "everyone" row on top of `limit` rows. */
  everyoneFirst?: boolean;
  /** Cursor inclusive (history `toTime`), with a request field naming a row to leave out. */
  inclusive?: { exclude: string; idField: string };
}

const QCHAT_PAGEINFO = (items: string): Lister => ({ items: [items], cursor: 'timetag', key: 'joinTime', order: 'desc', pageInfo: true });

export const listers: Record<string, Lister> = {
  qchatGetServerListPage: QCHAT_PAGEINFO('serverInfos'),
  qchatGetServerMemberListPage: QCHAT_PAGEINFO('serverMembers'),
  qchatGetChannelListPage: QCHAT_PAGEINFO('channelInfos'),
  qchatGetChannelMemberListPage: { ...QCHAT_PAGEINFO('members'), everyoneFirst: true },
  qchatQueryWhiteBlackIdentify: QCHAT_PAGEINFO('identifies'),
  qchatQueryWhiteBlackIdentifyUser: QCHAT_PAGEINFO('members'),
  qchatGetChannelCategoryListByServerPage: QCHAT_PAGEINFO('categoryInfos'),
  qchatQueryCategoryWhiteBlackIdentifyPage: QCHAT_PAGEINFO('identifies'),
  qchatQueryCategoryWhiteBlackIdentifyUserPage: QCHAT_PAGEINFO('members'),
  qchatQueryChannelUnReadMentionedMsgPage: { items: ['data', 'msgList'], cursor: 'timeTag', key: 'time', order: 'desc', pageInfo: true, pageInfoInside: true },
  qchatGetServerIdentifyPages: { items: ['identify'], cursor: 'priority', key: 'priority', order: 'asc', pageInfo: false, everyoneFirst: true },
  qchatGetChannelIdentifyPages: { items: ['identifies'], cursor: 'timetag', key: 'createtime', order: 'desc', pageInfo: false, everyoneFirst: true },
  qchatGetUserIdentifyPages: { items: ['identifies'], cursor: 'timetag', key: 'createtime', order: 'desc', pageInfo: false },
  chatroomMembersByPage: { items: ['desc', 'data'], cursor: 'endtime', key: 'enterTime', order: 'desc', pageInfo: false },
  chatroomTagMembersQuery: { items: ['desc', 'data'], cursor: 'endTime', key: 'enterTime', order: 'desc', pageInfo: false },
  qchatQueryHistoryMsg: { items: ['data'], cursor: 'toTime', key: 'time', order: 'desc', pageInfo: false, inclusive: { exclude: 'excludeMsgId', idField: 'msgIdServer' } },
  qchatQueryThreadTalkHistory: { items: ['msgs'], cursor: 'toTime', key: 'time', order: 'desc', pageInfo: false, inclusive: { exclude: 'excludeMsgId', idField: 'msgIdServer' } },
};

export interface PagingServer extends TestServer {
  /** Every row of the list, in the vendor's order (the everyone row first where there is one). */
  rows: Record<string, unknown>[];
  /** The form bodies received, parsed. */
  forms: Record<string, string>[];
}

export interface PagingOptions {
  /** Rows in the list (besides the everyone row). */
  count: number;
  /** Answer one row fewer than asked while more remain (`hasMore` stays true): the vendor's short-page quirk. */
  shortPages?: boolean;
  /** Give some rows the same key (ties at page boundaries). */
  ties?: boolean;
}

export async function startPagingServer(operationId: string, { count, shortPages = false, ties = false }: PagingOptions): Promise<PagingServer> {
  const lister = listers[operationId];
  if (!lister) throw new Error(`no vendor paging rule for ${operationId}`);
  const base = 1_700_000_000_000;
  const rows: Record<string, unknown>[] = Array.from({ length: count }, (_, i) => {
    // desc: newest first; asc (role priority): 1, 2, 3 ...; with ties, rows 2k-1 and 2k share their key.
    const step = ties ? Math.floor((i + 1) / 2) : i;
    const key = lister.order === 'asc' ? step + 1 : base - step * 1000;
    return { id: `row-${i}`, [lister.key]: key, ...(lister.inclusive && { [lister.inclusive.idField]: 9_000_000_000_000_000 + i }) };
  });
  const everyone = lister.everyoneFirst ? { id: 'everyone', [lister.key]: lister.order === 'asc' ? 0 : base + 1000 } : undefined;
  const forms: Record<string, string>[] = [];

  const server = await startServer((request) => {
    const form = Object.fromEntries(new URLSearchParams(request.body));
    forms.push(form);
    const limit = Number(form['limit']);
    const raw = form[lister.cursor];
    const cursor = raw === undefined || raw === '0' ? undefined : Number(raw);
    const after = (row: Record<string, unknown>) => {
      const key = row[lister.key] as number;
      if (cursor === undefined) return true;
      if (lister.order === 'asc') return key > cursor;
      if (lister.inclusive) return key <= cursor && String(row[lister.inclusive.idField]) !== form[lister.inclusive.exclude];
      return key < cursor;
    };
    const remaining = rows.filter(after);
    const take = shortPages && remaining.length > limit ? limit - 1 : limit;
    const page = [...(everyone && cursor === undefined ? [everyone] : []), ...remaining.slice(0, take)];
    const last = page[page.length - 1];
    const [outer, inner] = lister.items as [string, string?];
    const body: Record<string, unknown> = { code: 200, [outer]: inner ? { [inner]: page } : page };
    const pageInfo = { hasMore: remaining.length > take, nextTimetag: last ? last[lister.key] : 0 };
    if (lister.pageInfo) Object.assign(lister.pageInfoInside ? (body[outer] as object) : body, { pageInfo });
    return json(body);
  });
  return { ...server, rows: everyone ? [everyone, ...rows] : rows, forms };
}
