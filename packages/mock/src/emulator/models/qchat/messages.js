// QChat channel messages (频道消息): send, update (edit, recall 撤回, delete, custom statuses) and cloud history.
// A channel keeps its messages oldest first, at most ctx.limits.maxMessages (the oldest are dropped).
import { AUTH, requireAccess, requireAuth } from './auths.js';
import { requireServerChannel } from './channels.js';
import { compact, idField, listField, own, qchatOf, requireMember, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Channel} Channel
 * @typedef {import('./types.js').Message} Message
 */

export const STATUS = Object.freeze({ normal: 0, recalled: 1, deleted: 2, customFrom: 10000 });

/**
 * Refuses (414) a status that is neither one of `allowed` nor an app-defined one (10000 and above).
 * @param {AppContext} ctx @param {number} status @param {number[]} allowed
 */
export function checkStatus(ctx, status, allowed) {
  if (!allowed.includes(status) && !(status >= STATUS.customFrom)) {
    ctx.fail(414, `status ${status} is not allowed here (${allowed.join(', ')} or 10000 and above)`);
  }
}

/**
 * What a message and a notification have alike when sent: ids, content, times and the initial status.
 * @param {AppContext} ctx @param {EmuRequest} req @param {number} time
 * @returns {import('./types.js').Content}
 */
export function newContent(ctx, req, time) {
  return {
    msgIdServer: String(ctx.nextId()),
    msgIdClient: req.string('msgIdClient'),
    body: req.string('body'),
    attach: req.string('attach'),
    ext: req.string('ext'),
    time,
    updateTime: time,
    status: STATUS.normal,
  };
}

/** Refuses (414) an update that changes nothing. @param {AppContext} ctx @param {EmuRequest} req */
export function requireSomeChange(ctx, req) {
  if (!['body', 'ext', 'status'].some((n) => req.fields.has(n))) ctx.fail(414, 'nothing to update: send body, ext or status');
}

/**
 * The message the vendor locates by `msgIdServer` and its send `time`; a deleted one no longer exists (404).
 * @param {AppContext} ctx @param {EmuRequest} req @param {Channel} channel @param {string} [timeField]
 */
export function requireMessage(ctx, req, channel, timeField = 'time') {
  const id = idField(req, 'msgIdServer');
  const time = req.int(timeField);
  const msg = channel.messages.find((m) => m.msgIdServer === id && m.time === time);
  if (!msg || msg.status === STATUS.deleted) ctx.fail(404, `message ${id} sent at ${time} does not exist in channel ${channel.channelId}`);
  return /** @type {Message} */ (msg);
}

/** A kept message as the history calls answer it. @param {import('./types.js').Server} server @param {Message} m */
export function historyItem(server, m) {
  return compact({
    fromAccount: m.from,
    fromNick: own(server.members, m.from)?.nick,
    fromClientType: 'REST',
    time: m.time,
    updateTime: m.updateTime,
    status: m.status,
    body: m.body,
    attach: m.attach,
    ext: m.ext,
    msgIdServer: BigInt(m.msgIdServer),
    msgIdClient: m.msgIdClient,
    type: m.type,
    mentionedAll: m.mentionedAll ? 1 : undefined,
  });
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatSendMsg(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    const from = req.string('from');
    requireMember(ctx, server, from, 'from');
    requireAccess(ctx, server, channel, from);
    requireAuth(ctx, server, from, AUTH.sendMsg, channel);
    const mentioned = listField(req, 'mentionedAccidList').map(String);
    if (req.int('mentionedAll') === 1) requireAuth(ctx, server, from, AUTH.mentionAll, channel);
    else if (mentioned.length) requireAuth(ctx, server, from, AUTH.mentionOthers, channel);
    const time = tick(ctx);
    /** @type {Message} */
    const msg = { ...newContent(ctx, req, time), from, type: req.int('type') };
    // Who the message mentions, for queryChannelUnReadMentionedMsgPage.
    if (req.int('mentionedAll') === 1) msg.mentionedAll = true;
    if (mentioned.length) msg.mentioned = [...new Set(mentioned)];
    // option.history false: delivered but not kept in the cloud history (云端历史), so nothing to store.
    if (req.json('option')?.history !== false) {
      channel.messages.push(msg);
      if (channel.messages.length > ctx.limits.maxMessages) channel.messages.splice(0, channel.messages.length - ctx.limits.maxMessages);
    }
    return { code: 200, data: compact({ time, msgIdClient: msg.msgIdClient, msgIdServer: BigInt(msg.msgIdServer) }) };
  },

  qchatUpdateMsg(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    const operator = req.string('operatorAccid');
    requireMember(ctx, server, operator, 'operatorAccid');
    requireSomeChange(ctx, req);
    const msg = requireMessage(ctx, req, channel);
    const status = req.int('status');
    if (status !== undefined) checkStatus(ctx, status, [STATUS.normal, STATUS.recalled, STATUS.deleted]);
    // Recalling or deleting someone else's message takes permission 9 / 10 in the channel; editing it (body, ext, a
    // custom status) is for its sender and the server's owner only.
    if (operator !== msg.from) {
      const editing = req.fields.has('body') || req.fields.has('ext') || !(status === STATUS.recalled || status === STATUS.deleted);
      if (!editing) requireAuth(ctx, server, operator, status === STATUS.recalled ? AUTH.recallOthers : AUTH.deleteOthers, channel);
      else if (operator !== server.owner) ctx.fail(403, `${operator} may not edit a message of ${msg.from}`);
    }
    if (status === STATUS.recalled && msg.status === STATUS.recalled) ctx.fail(417, `message ${msg.msgIdServer} is already recalled`);
    if (req.fields.has('body')) msg.body = req.string('body');
    if (req.fields.has('ext')) msg.ext = req.string('ext');
    if (status !== undefined) msg.status = status;
    msg.updateTime = tick(ctx);
    return { code: 200 };
  },

  qchatQueryHistoryMsg(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    requireAccess(ctx, server, channel, req.string('accid'));
    const fromTime = req.int('fromTime') ?? 0;
    const toTime = req.int('toTime') ?? Math.max(/** @type {number} */ (ctx.now()), qchatOf(ctx).lastTime);
    const exclude = idField(req, 'excludeMsgId');
    const rows = channel.messages.filter(
      (m) => m.status !== STATUS.deleted && m.time >= fromTime && m.time <= toTime && m.msgIdServer !== exclude,
    );
    if (req.int('reverse') !== 1) rows.reverse();
    return { code: 200, data: rows.slice(0, req.int('limit') ?? 100).map((m) => historyItem(server, m)) };
  },
};
