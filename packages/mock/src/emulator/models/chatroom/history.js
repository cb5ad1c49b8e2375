// A room's kept messages after sending: recall (撤回) by the sender or an admin, and deletion from the cloud history
// (删除云端历史). Both name a message as the vendor does: recall by msgId, sender and time, deletion by sender and
// time; the stored message keeps all three (messages.js).
import { openRoomOf, requireAdmin, roomOf } from './store.js';

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomRecall(ctx, req) {
    const room = openRoomOf(ctx, req);
    const [from, operator] = [req.string('fromAcc'), req.string('operatorAcc')];
    ctx.requireAccount(from, 'fromAcc');
    ctx.requireAccount(operator, 'operatorAcc');
    const [msgId, time] = [req.string('msgId'), req.int('msgTimetag')];
    // ctx.fail throws, which the checker cannot see through the context: the cast is the check below.
    const msg = /** @type {import('./types.js').Message} */ (room.messages.find((m) => m.msgidClient === msgId && m.time === time && m.from === from));
    if (!msg) ctx.fail(404, `chatroom ${room.roomid} holds no message ${msgId} of ${from} sent at ${time}`);
    // The sender recalls its own message; anyone else needs to be the creator or a manager.
    if (operator !== from) requireAdmin(ctx, room, operator);
    if (msg.recalled) ctx.fail(417, `message ${msgId} is already recalled`);
    msg.recalled = true;
    return { code: 200 };
  },

  chatroomDeleteHistoryMessage(ctx, req) {
    const room = roomOf(ctx, req);
    const from = req.string('fromAcc');
    ctx.requireAccount(from, 'fromAcc');
    const time = req.int('msgTimetag');
    // Messages sent with skipHistory and directed messages never reached the cloud history.
    const at = room.messages.findIndex((m) => m.from === from && m.time === time && !m.skipHistory);
    if (at < 0) ctx.fail(404, `the history of chatroom ${room.roomid} holds no message of ${from} sent at ${time}`);
    room.messages.splice(at, 1);
    return { code: 200 };
  },
};
