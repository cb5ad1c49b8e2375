// Messages beyond sendMsg: to some members only (定向消息), several at once (batch), and to every room of the app
// (全服广播). Each stored message goes through sendMsg's `deliver` (who may speak, high priority, the bound, the
// callback); directed messages are kept for recall but out of the cloud history.
import { Refusal } from '../../refusal.js';
import { deliver, messageFields, requireVoice } from './messages.js';
import { chatroomOf, openRoomOf, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 */

/** Broadcasts an app may send per minute (the vendor's API overview: 10 calls/min, not the usual 100/s). */
export const BROADCASTS_PER_MINUTE = 10;

/**
 * The receivers of a directed message (`toAccids`), each an account of the app.
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 * @returns {string[]}
 */
function receivers(ctx, req) {
  const to = [...new Set(req.json('toAccids').map(String))];
  for (const accid of to) ctx.requireAccount(accid, 'toAccids');
  return to;
}

/**
 * Sends each item of `msgList` as its own message: the answer's `success` holds `{msgId: message}`, `fail`
 * `{msgId: reason}` for an item refused on its own (a msgId repeated in the list, high priority over the room's
 * rate with `forbiddenIfHighPriorityMsgFreq`). A sender who may not speak refuses the whole call, as in sendMsg.
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 * @param {boolean} to  whether the messages are directed (`toAccids`)
 */
function batch(ctx, req, to) {
  const room = openRoomOf(ctx, req);
  const from = req.string('fromAccid');
  ctx.requireAccount(from, 'fromAccid');
  const receiving = to ? receivers(ctx, req) : undefined;
  requireVoice(ctx, room, from, req);
  const success = [];
  const fail = [];
  const seen = new Set();
  for (const item of req.json('msgList')) {
    const fields = { ...item, resendFlag: item.resendFlag === undefined ? undefined : Number(item.resendFlag) };
    if (seen.has(fields.msgId)) {
      fail.push({ [fields.msgId]: 'msgId repeated in msgList' });
      continue;
    }
    seen.add(fields.msgId);
    try {
      success.push({ [fields.msgId]: deliver(ctx, room, req, from, fields, receiving) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      fail.push({ [fields.msgId]: String(error.body.desc) });
    }
  }
  return { code: 200, success, fail };
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomSendMsgToSomeone(ctx, req) {
    const room = openRoomOf(ctx, req);
    const from = req.string('fromAccid');
    ctx.requireAccount(from, 'fromAccid');
    return { code: 200, desc: deliver(ctx, room, req, from, messageFields(req), receivers(ctx, req)) };
  },

  chatroomBatchSendMsg: (ctx, req) => batch(ctx, req, false),

  chatroomBatchSendMsgToSomeone: (ctx, req) => batch(ctx, req, true),

  /**
   * One message to every online member of every room of the app: online only, so nothing is stored and no room's
   * callback is sent; the 11th call within a minute is refused with 416 (频率控制), the vendor's limit for this call.
   */
  chatroomBroadcast(ctx, req) {
    const from = req.string('fromAccid');
    ctx.requireAccount(from, 'fromAccid');
    const c = chatroomOf(ctx);
    const minute = Math.floor(ctx.now() / 60_000);
    if (c.broadcasts?.[0] !== minute) c.broadcasts = [minute, 0];
    if (c.broadcasts[1] >= BROADCASTS_PER_MINUTE) ctx.fail(416, `at most ${BROADCASTS_PER_MINUTE} broadcasts a minute`);
    c.broadcasts[1] += 1;
    const desc = { msgid_client: req.string('msgId'), time: String(tick(ctx)), fromAccount: from, type: String(req.int('msgType')) };
    return { code: 200, desc };
  },
};
