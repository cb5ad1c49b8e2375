// Messages: sendMsg stores the message in its room (at most ctx.limits.maxMessages per room, the oldest dropped),
// counts it for statsTopn, and refuses senders the room does not let speak. Messages keep their client msgId and time,
// the keys the vendor's recall and history calls name a message by. Each new message sends the vendor's chatroom
// message callback (抄送, eventType 4) unless `route` is 0.
import { chatroomMessageEvent } from '../../events.js';
import { count } from './stats.js';
import { isAdmin, openRoomOf, own, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 * @typedef {import('./types.js').Message} Message
 *
 * @typedef {object} MessageItem  a message's own fields as a call sends them
 * @property {string} msgId
 * @property {number} msgType
 * @property {string} [attach]
 * @property {string} [ext]
 * @property {number} [subType]
 * @property {number} [resendFlag]
 */

/** High-priority messages a room takes per second; the excess is downgraded or refused (sendMsg page). */
const HIGH_PRIORITY_PER_SECOND = 10;

/**
 * The stored message as sendMsg answers it: times, ids and the type as strings, the vendor's spellings.
 * @param {Room} room
 * @param {Message} msg
 */
function messageView(room, msg) {
  /** @type {Record<string, any>} */
  const view = { time: String(msg.time), msgid_client: msg.msgidClient, fromClientType: 'REST' };
  if (msg.attach !== undefined) view.attach = msg.attach;
  Object.assign(view, { roomId: room.roomid, fromAccount: msg.from });
  if (msg.nick !== undefined) view.fromNick = msg.nick;
  if (msg.avator !== undefined) view.fromAvator = msg.avator;
  view.type = String(msg.type);
  if (msg.ext !== undefined) view.ext = msg.ext;
  if (msg.highPriority) view.highPriorityFlag = 1;
  return view;
}

/**
 * 13003/13004 unless `from` may speak in the room now (a temporary or tag mute yields to `ignoreMute`).
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {string} from
 * @param {EmuRequest} req
 */
export function requireVoice(ctx, room, from, req) {
  const m = own(room.members, from);
  const now = ctx.now();
  const ignoreMute = req.bool('ignoreMute') === true;
  if (m?.blacklisted) ctx.fail(13003, `${from} is on the blocklist of chatroom ${room.roomid}`);
  if (m?.muted) ctx.fail(13004, `${from} is muted in chatroom ${room.roomid}`);
  if (/** @type {number} */ (m?.tempMuteUntil) > now && !ignoreMute) ctx.fail(13004, `${from} is temporarily muted in chatroom ${room.roomid}`);
  const tag = ignoreMute ? undefined : (m?.tags ?? []).find((t) => /** @type {number} */ (own(room.tagMutes, t)) > now);
  if (tag !== undefined) ctx.fail(13004, `${from} carries tag ${tag}, muted in chatroom ${room.roomid}`);
  if (room.muted && !isAdmin(room, from)) ctx.fail(13004, `chatroom ${room.roomid} is muted: only its creator and managers may speak`);
  return m;
}

/**
 * Whether the message goes out as high priority: asked for, no `abandonRatio` (which overrides it), and within the
 * room's 10 per second; beyond that it is downgraded, or refused with 403 when `forbiddenIfHighPriorityMsgFreq` is 1.
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {EmuRequest} req
 */
function highPriority(ctx, room, req) {
  if (req.bool('highPriority') !== true || req.int('abandonRatio') !== undefined) return false;
  const second = Math.floor(ctx.now() / 1000);
  if (room.highPriority[0] !== second) room.highPriority = [second, 0];
  if (room.highPriority[1] < HIGH_PRIORITY_PER_SECOND) {
    room.highPriority[1] += 1;
    return true;
  }
  if (req.int('forbiddenIfHighPriorityMsgFreq') === 1) ctx.fail(403, `chatroom ${room.roomid} took ${HIGH_PRIORITY_PER_SECOND} high-priority messages this second`);
  return false;
}

/** The vendor's chatroom message callback (eventType 4) of a stored message. @param {Room} room @param {Message} msg @param {number} [resendFlag] */
const messageEvent = (room, msg, resendFlag) =>
  chatroomMessageEvent({
    roomid: room.roomid,
    msgidClient: msg.msgidClient,
    fromAccount: msg.from,
    msgType: msg.type,
    timestamp: msg.time,
    attach: msg.attach,
    ext: msg.ext,
    fromNick: msg.nick,
    fromAvator: msg.avator,
    resendFlag,
  });

/** @param {Record<string, any>} record @param {string} key @param {unknown} value */
const optional = (record, key, value) => {
  if (value !== undefined) record[key] = value;
};

/**
 * Stores a message in its room, the oldest dropped beyond ctx.limits.maxMessages, and counts it for statsTopn.
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {Message} msg
 */
export function keep(ctx, room, msg) {
  room.messages.push(msg);
  // shift() is the cheap way out of the front of an array; more than one only after a smaller --max-messages.
  while (room.messages.length > ctx.limits.maxMessages) room.messages.shift();
  count(room, msg.time, 'msgs', msg.from);
}

/**
 * A message's own fields as sendMsg sends them (batchSendMsg sends them per item of `msgList`).
 * @param {EmuRequest} req
 * @returns {MessageItem}
 */
export const messageFields = (req) => ({
  msgId: req.string('msgId'),
  // A required field: the spec's validation has refused a call without it.
  msgType: /** @type {number} */ (req.int('msgType')),
  attach: req.string('attach'),
  ext: req.string('ext'),
  subType: req.int('subType'),
  resendFlag: req.int('resendFlag'),
});

/**
 * Sends one message of `from` into `room`: `item` holds its own fields (messageFields), `req` the call's options;
 * `to` lists the receivers of a directed message (定向消息, kept out of the cloud history). Returns the answer's
 * view of the message: the original one for a resend the room still holds.
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {EmuRequest} req
 * @param {string} from
 * @param {MessageItem} item
 * @param {string[]} [to]
 */
export function deliver(ctx, room, req, from, item, to) {
  // A resend (resendFlag 1) of a message the room still holds is de-duplicated by msgId: the original answers.
  if (item.resendFlag === 1) {
    const earlier = room.messages.find((msg) => msg.msgidClient === item.msgId);
    if (earlier) return messageView(room, earlier);
  }
  const m = requireVoice(ctx, room, from, req);
  const high = highPriority(ctx, room, req);
  /** @type {Message} */
  const msg = { msgidClient: item.msgId, time: tick(ctx), from, type: item.msgType };
  if (high) msg.highPriority = true;
  optional(msg, 'attach', item.attach);
  optional(msg, 'ext', item.ext);
  optional(msg, 'subType', item.subType);
  // The sender's in-room nick and avatar at sending time (a change for this stay over a saved one).
  optional(msg, 'nick', m?.stay?.nick ?? m?.profile?.nick);
  optional(msg, 'avator', m?.stay?.avator ?? m?.profile?.avator);
  if (to) msg.to = to;
  if (to || req.int('skipHistory') === 1) msg.skipHistory = true;
  keep(ctx, room, msg);
  if (req.int('route') !== 0) ctx.emit(messageEvent(room, msg, item.resendFlag));
  return messageView(room, msg);
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomSendMsg(ctx, req) {
    const room = openRoomOf(ctx, req);
    const from = req.string('fromAccid');
    ctx.requireAccount(from, 'fromAccid');
    return { code: 200, desc: deliver(ctx, room, req, from, messageFields(req)) };
  },
};
