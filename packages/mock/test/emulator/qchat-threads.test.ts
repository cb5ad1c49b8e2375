// QChat threads and mentions in the emulator: a thread's root and replies (replies come from a loaded state: the
// spec's sendMsg sends no reply link), the reply counts of several roots, and the unread messages mentioning a user.
import { describe, expect, it } from 'vitest';
import { channelIn, newApp, ok, refused, serverWith, type Ctx } from './qchat-support.js';

function send(ctx: Ctx, serverId: string, channelId: string, from: string, body: string, extra: Record<string, unknown> = {}) {
  return ok(ctx, 'qchatSendMsg', { serverId, channelId, from, type: 0, body, ...extra }).data;
}

/** A channel with a root message and `n` replies linked to it in the state, as a loaded fixture would. */
function thread(n: number) {
  const ctx = newApp();
  const serverId = serverWith(ctx, 'owner', ['a', 'b']);
  const channelId = channelIn(ctx, serverId, 'owner');
  const root = send(ctx, serverId, channelId, 'a', 'root');
  const replies = Array.from({ length: n }, (_, i) => send(ctx, serverId, channelId, 'b', `reply ${i + 1}`));
  const kept = ctx.state.qchat.channels[channelId].messages;
  for (const r of replies) kept.find((m: any) => m.msgIdServer === String(r.msgIdServer)).threadRoot = { msgIdServer: String(root.msgIdServer), time: root.time };
  return { ctx, serverId, channelId, root, replies };
}

describe('QChat thread talk', () => {
  it('answers the root, its replies newest first (reverse: oldest first), their count and the last reply time', () => {
    const { ctx, serverId, channelId, root, replies } = thread(3);
    const ask = { serverId, channelId, msgIdServer: String(root.msgIdServer), msgTime: root.time };
    const body = ok(ctx, 'qchatQueryThreadTalkHistory', ask);
    expect(body.threadMsg).toMatchObject({ msgIdServer: root.msgIdServer, body: 'root', fromAccount: 'a', type: 0 });
    expect([body.total, body.timestamp]).toEqual([3, replies[2].time]);
    expect(body.msgs.map((m: any) => m.body)).toEqual(['reply 3', 'reply 2', 'reply 1']);
    const oldest = ok(ctx, 'qchatQueryThreadTalkHistory', { ...ask, reverse: true, limit: 2, accid: 'b' });
    expect(oldest.msgs.map((m: any) => m.body)).toEqual(['reply 1', 'reply 2']);
    const paged = ok(ctx, 'qchatQueryThreadTalkHistory', { ...ask, toTime: replies[1].time, excludeMsgId: String(replies[1].msgIdServer) });
    expect(paged.msgs.map((m: any) => m.body)).toEqual(['reply 1']);
  });

  it('counts replies per root (a root without replies: total 0), leaves out roots the channel lacks, drops deleted replies', () => {
    const { ctx, serverId, channelId, root, replies } = thread(2);
    const lonely = send(ctx, serverId, channelId, 'a', 'lonely');
    ok(ctx, 'qchatUpdateMsg', { serverId, channelId, operatorAccid: 'b', msgIdServer: String(replies[1].msgIdServer), time: replies[1].time, status: 2 });
    const queryMsgs = [
      { msgIdServer: String(root.msgIdServer), msgTime: root.time },
      { msgIdServer: String(lonely.msgIdServer), msgTime: lonely.time },
      { msgIdServer: '42', msgTime: 1 },
    ];
    expect(ok(ctx, 'qchatBatchQueryThreadTalkMeta', { serverId, channelId, queryMsgs }).data).toEqual([
      { msgIdServer: root.msgIdServer, msgTime: root.time, total: 1, timestamp: replies[0].time },
      { msgIdServer: lonely.msgIdServer, msgTime: lonely.time, total: 0 },
    ]);
  });

  it('refuses a root that does not exist (404) and a reader who cannot see the channel (403)', () => {
    const { ctx, serverId, channelId, root } = thread(1);
    expect(refused(ctx, 'qchatQueryThreadTalkHistory', { serverId, channelId, msgIdServer: String(root.msgIdServer), msgTime: root.time + 1 }).code).toBe(404);
    expect(refused(ctx, 'qchatQueryThreadTalkHistory', { serverId, channelId, msgIdServer: String(root.msgIdServer), msgTime: root.time, accid: 'stranger' }).code).toBe(403);
    expect(refused(ctx, 'qchatBatchQueryThreadTalkMeta', { serverId, channelId: '777', queryMsgs: [{ msgIdServer: '1', msgTime: 1 }] }).code).toBe(404);
  });
});

describe('QChat unread mentions', () => {
  it('lists the messages mentioning a user by name or @everyone, newest first, paged by timeTag', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    send(ctx, serverId, channelId, 'a', 'to b', { mentionedAccidList: ['b'] });
    send(ctx, serverId, channelId, 'a', 'plain');
    send(ctx, serverId, channelId, 'owner', 'all', { mentionedAll: 1 });
    send(ctx, serverId, channelId, 'b', 'mine', { mentionedAccidList: ['b'] });
    const first = ok(ctx, 'qchatQueryChannelUnReadMentionedMsgPage', { accid: 'b', serverId, channelId, limit: 1 }).data;
    expect(first.msgList.map((m: any) => [m.body, m.mentionedAll])).toEqual([['all', 1]]);
    expect(first.pageInfo.hasMore).toBe(true);
    const next = ok(ctx, 'qchatQueryChannelUnReadMentionedMsgPage', { accid: 'b', serverId, channelId, timeTag: first.pageInfo.nextTimetag }).data;
    expect(next.msgList.map((m: any) => m.body)).toEqual(['to b']);
    expect(next.pageInfo).toEqual({ hasMore: false, nextTimetag: next.msgList[0].time });
    expect(ok(ctx, 'qchatQueryChannelUnReadMentionedMsgPage', { accid: 'a', serverId, channelId }).data.msgList.map((m: any) => m.body)).toEqual(['all']);
    expect(refused(ctx, 'qchatQueryChannelUnReadMentionedMsgPage', { accid: 'stranger', serverId, channelId }).code).toBe(403);
  });
});
