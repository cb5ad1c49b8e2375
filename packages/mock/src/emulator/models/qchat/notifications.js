// QChat custom system notifications (自定义系统通知): send to a server, a channel, or accounts in either, and update
// the ones stored offline. Only notifications to accounts (toType 3, 4) sent with option.persist are stored (the
// vendor's page: only those can be updated, and only by a receiver).
import { requireAccess } from './auths.js';
import { requireOtherMember } from './members.js';
import { checkStatus, newContent, requireSomeChange, STATUS } from './messages.js';
import { compact, idField, listField, own, qchatOf, requireChannel, requireMember, requireServer, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').Notification} Notification
 */

/** @type {Set<number | undefined>} */
const TO_CHANNEL = new Set([2, 4]);
/** @type {Set<number | undefined>} */
const TO_ACCOUNTS = new Set([3, 4]);
/** `data.type` of every notification sent with sendAttachMsg. */
const NOTIFICATION_TYPE = 100;

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatSendAttachMsg(ctx, req) {
    const q = qchatOf(ctx);
    const server = requireServer(ctx, idField(req, 'serverId'));
    const toType = req.int('toType');
    const from = req.string('from');
    requireMember(ctx, server, from, 'from');
    const channel = TO_CHANNEL.has(toType) ? requireChannel(ctx, idField(req, 'channelId'), server.serverId) : undefined;
    if (channel) requireAccess(ctx, server, channel, from);
    const toAccids = TO_ACCOUNTS.has(toType) ? [...new Set(listField(req, 'toAccids').map(String))] : [];
    for (const accid of toAccids) requireOtherMember(ctx, server, accid);
    const time = tick(ctx);
    const n = /** @type {Notification} */ (
      compact({
        ...newContent(ctx, req, time),
        serverId: server.serverId,
        channelId: channel?.channelId,
        toType,
        from,
        toAccids,
        type: NOTIFICATION_TYPE,
      })
    );
    if (TO_ACCOUNTS.has(toType) && req.json('option')?.persist === true) {
      q.notifications[n.msgIdServer] = n;
      dropOldest(ctx, server.serverId);
    }
    return {
      code: 200,
      data: compact({ type: NOTIFICATION_TYPE, time, msgIdClient: n.msgIdClient, msgIdServer: BigInt(n.msgIdServer) }),
    };
  },

  qchatUpdateAttachMsg(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const operator = req.string('operatorAccid');
    requireMember(ctx, server, operator, 'operatorAccid');
    requireSomeChange(ctx, req);
    const id = idField(req, 'msgIdServer');
    const found = id === undefined ? undefined : own(qchatOf(ctx).notifications, id);
    const channelId = idField(req, 'channelId');
    if (
      !found ||
      found.serverId !== server.serverId ||
      (found.channelId !== undefined && found.channelId !== channelId) ||
      found.time !== req.int('time') ||
      found.type !== req.int('type')
    ) {
      ctx.fail(404, `no stored notification ${id} of type ${req.string('type')} sent at ${req.string('time')}`);
    }
    const n = /** @type {Notification} */ (found); // ctx.fail threw otherwise
    if (!n.toAccids.includes(operator)) ctx.fail(403, `only a receiver of notification ${id} may update it`);
    const status = req.int('status');
    if (status !== undefined) checkStatus(ctx, status, [STATUS.normal]);
    if (req.fields.has('body')) n.body = req.string('body');
    if (req.fields.has('ext')) n.ext = req.string('ext');
    if (status !== undefined) n.status = status;
    n.updateTime = tick(ctx);
    return { code: 200 };
  },
};

/**
 * Keeps at most ctx.limits.maxMessages stored notifications per server (ids increase, so the smallest is oldest).
 * @param {AppContext} ctx @param {string} serverId
 */
function dropOldest(ctx, serverId) {
  const q = qchatOf(ctx);
  const ids = Object.keys(q.notifications).filter((id) => q.notifications[id]?.serverId === serverId);
  if (ids.length <= ctx.limits.maxMessages) return;
  ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const id of ids.slice(0, ids.length - ctx.limits.maxMessages)) delete q.notifications[id];
}
