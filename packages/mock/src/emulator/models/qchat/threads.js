// QChat threads (子区/thread talk) and mentions read from a channel's kept messages: a thread's root and replies, the
// reply counts of several roots, and the messages that mention an account. The spec's sendMsg sends no reply
// link, so replies come from a loaded state: a kept message with `threadRoot: { msgIdServer, time }` (ADR 0046).
import { requireAccess } from './auths.js';
import { requireServerChannel } from './channels.js';
import { STATUS, historyItem, requireMessage } from './messages.js';
import { idField, idKey, pageByTime, qchatOf } from './store.js';

/**
 * @typedef {import('./types.js').Channel} Channel
 * @typedef {import('./types.js').Message} Message
 */

/** Whether `m` replies to `root`. @param {Message} m @param {Message} root */
const isReplyTo = (m, root) => m.threadRoot !== undefined && idKey(m.threadRoot.msgIdServer) === root.msgIdServer && m.threadRoot.time === root.time;

/** The kept (not deleted) replies to `root`, oldest first. @param {Channel} channel @param {Message} root */
const repliesTo = (channel, root) => channel.messages.filter((m) => m.status !== STATUS.deleted && isReplyTo(m, root));

/**
 * A thread's reply count and the time of its last reply (left out while it has none).
 * @param {Channel} channel
 * @param {Message} root
 */
function meta(channel, root) {
  const replies = repliesTo(channel, root);
  return replies.length ? { total: replies.length, timestamp: /** @type {Message} */ (replies.at(-1)).time } : { total: 0 };
}

/**
 * The channel of the request, its reader (`accid`, when sent) required to see it.
 * @param {import('./types.js').AppContext} ctx @param {import('./types.js').EmuRequest} req
 */
function readChannel(ctx, req) {
  const { server, channel } = requireServerChannel(ctx, req);
  if (req.fields.has('accid')) requireAccess(ctx, server, channel, req.string('accid'));
  return { server, channel };
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatQueryThreadTalkHistory(ctx, req) {
    const { server, channel } = readChannel(ctx, req);
    const root = requireMessage(ctx, req, channel, 'msgTime');
    const fromTime = req.int('fromTime') ?? 0;
    const toTime = req.int('toTime') ?? Math.max(/** @type {number} */ (ctx.now()), qchatOf(ctx).lastTime);
    const exclude = idField(req, 'excludeMsgId');
    const msgs = repliesTo(channel, root).filter((m) => m.time >= fromTime && m.time <= toTime && m.msgIdServer !== exclude);
    if (req.bool('reverse') !== true) msgs.reverse();
    const page = msgs.slice(0, req.int('limit') ?? 100).map((m) => historyItem(server, m));
    return { code: 200, threadMsg: historyItem(server, root), ...meta(channel, root), msgs: page };
  },

  /** Each root asked for that the channel keeps, with its thread's meta; other roots are left out. */
  qchatBatchQueryThreadTalkMeta(ctx, req) {
    const { channel } = readChannel(ctx, req);
    const data = [];
    for (const q of req.json('queryMsgs')) {
      const id = idKey(q.msgIdServer);
      const root = channel.messages.find((m) => m.msgIdServer === id && m.time === Number(q.msgTime) && m.status !== STATUS.deleted);
      if (root) data.push({ msgIdServer: BigInt(/** @type {string} */ (id)), msgTime: root.time, ...meta(channel, root) });
    }
    return { code: 200, data };
  },

  /**
   * The messages of the channel that mention `accid` (by name or @everyone), not its own, newest first before
   * `timeTag` (0 or absent: now). Nothing marks a message read through the server API, so every mention is unread.
   */
  qchatQueryChannelUnReadMentionedMsgPage(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    const accid = req.string('accid');
    requireAccess(ctx, server, channel, accid);
    const rows = channel.messages.filter(
      (m) => m.status !== STATUS.deleted && m.from !== accid && (m.mentionedAll || (m.mentioned ?? []).includes(accid)),
    );
    const { page, pageInfo } = pageByTime(rows, (m) => m.time, req.int('timeTag'), req.int('limit') ?? 200);
    return { code: 200, data: { pageInfo, msgList: page.map((m) => historyItem(server, m)) } };
  },
};
