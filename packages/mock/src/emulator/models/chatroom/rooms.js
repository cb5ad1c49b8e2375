// Rooms: create, read (one, several, a creator's open rooms), update, open/close with the timed-close policy, mute
// the whole room, entry/exit notifications, and the connection addresses.
import { DEFAULT_DELAY_SECONDS, close, complete, isCreator, memberOf, newRoom, openRoomOf, own, requireAdmin, roomOf, roomsOf, settle, tick } from './store.js';
import { roomView } from './views.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 */

/** The emulator runs no chatroom link server: these addresses only show a client where it would connect. @type {Record<number, string[]>} */
const ADDRESSES = {
  1: ['weblink.chatroom.nim-mock.invalid:443'],
  2: ['link.chatroom.nim-mock.invalid:8080'],
  3: ['wechatlink.chatroom.nim-mock.invalid:443'],
};

/**
 * The timed-close settings of a create or toggleCloseStat, or undefined when the request sets none.
 * @param {EmuRequest} req
 * @param {number} time
 * @returns {import('./types.js').DelayClose | undefined}
 */
function delayOf(req, time) {
  const policy = req.int('delayClosePolicy');
  const seconds = req.int('delaySeconds');
  if (policy === undefined && seconds === undefined) return undefined;
  return { policy: policy ?? 0, seconds: seconds ?? (policy ? DEFAULT_DELAY_SECONDS : 0), startTime: time };
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomCreate(ctx, req) {
    const creator = req.string('creator');
    ctx.requireAccount(creator, 'creator');
    const time = tick(ctx);
    const roomid = String(ctx.nextId());
    // Fields left out take the room defaults (no announcement, '' for the URL and extension, queuelevel 0).
    const fields = { name: req.string('name'), announcement: req.string('announcement') || undefined, broadcasturl: req.string('broadcasturl'), ext: req.string('ext'), queuelevel: req.int('queuelevel') };
    const room = newRoom(roomid, { creator, ...fields }, time);
    const inOut = req.int('inOutNotification');
    if (inOut !== undefined) room.ionotify = inOut === 1;
    const delay = delayOf(req, time);
    if (delay) room.delay = delay;
    memberOf(room, creator, time);
    roomsOf(ctx)[roomid] = room;
    return { code: 200, chatroom: roomView(room) };
  },

  chatroomGet(ctx, req) {
    const room = roomOf(ctx, req);
    return { code: 200, chatroom: roomView(room, { onlineCount: req.bool('needOnlineUserCount') === true }) };
  },

  chatroomGetBatch(ctx, req) {
    const onlineCount = req.bool('needOnlineUserCount') === true;
    const ids = [...new Set(req.json('roomids').map((/** @type {string | number | bigint} */ id) => String(BigInt(id))))];
    const succRooms = [];
    const noExistRooms = [];
    for (const id of ids) {
      const room = own(roomsOf(ctx), id);
      if (!room) {
        noExistRooms.push(BigInt(id));
        continue;
      }
      settle(ctx, complete(room, id));
      succRooms.push(roomView(room, { onlineCount }));
    }
    // failRooms lists lookups that failed inside the vendor; the emulator has none.
    return { code: 200, succRooms, noExistRooms, failRooms: [] };
  },

  chatroomUpdate(ctx, req) {
    const room = openRoomOf(ctx, req);
    for (const field of /** @type {const} */ (['name', 'broadcasturl', 'ext'])) {
      const value = req.string(field);
      if (value !== undefined) room[field] = value;
    }
    const announcement = req.string('announcement');
    if (announcement !== undefined) room.announcement = announcement || null;
    const queuelevel = req.int('queuelevel');
    if (queuelevel !== undefined) room.queuelevel = queuelevel;
    return { code: 200, chatroom: roomView(room) };
  },

  chatroomToggleCloseStat(ctx, req) {
    const room = roomOf(ctx, req);
    const operator = req.string('operator');
    ctx.requireAccount(operator, 'operator');
    if (!isCreator(room, operator)) ctx.fail(403, `operator ${operator} is not the creator of chatroom ${room.roomid}`);
    const valid = req.bool('valid');
    if (room.valid === valid) ctx.fail(417, `chatroom ${room.roomid} is already ${valid ? 'open' : 'closed'}`);
    const time = tick(ctx);
    if (valid) {
      room.valid = true;
      // Reopening starts the timed close over, with the settings sent now or the room's own.
      const delay = delayOf(req, time) ?? (room.delay && { ...room.delay, startTime: time });
      if (delay) room.delay = delay;
      room.emptySince = time;
    } else {
      close(room, time);
    }
    return { code: 200, desc: roomView(room) };
  },

  chatroomUpdateDelayClosePolicy(ctx, req) {
    const room = openRoomOf(ctx, req);
    if (!req.fields.has('delayClosePolicy') && !req.fields.has('delaySeconds')) ctx.fail(414, 'nothing to update: send delayClosePolicy or delaySeconds');
    const time = tick(ctx);
    // A field left out keeps the room's setting; each call starts the timer over (an empty room is empty from now).
    const policy = req.int('delayClosePolicy') ?? room.delay?.policy ?? 0;
    const kept = room.delay?.policy ? room.delay.seconds : DEFAULT_DELAY_SECONDS;
    room.delay = { policy, seconds: req.int('delaySeconds') ?? (policy ? kept : 0), startTime: time };
    if (Object.keys(room.online).length === 0) room.emptySince = time;
    const view = roomView(room);
    Object.assign(view.delayInfo, { startTime: time });
    return { code: 200, chatroom: view };
  },

  chatroomUpdateInOutNotification(ctx, req) {
    const room = openRoomOf(ctx, req);
    // Setting the state it already has is no refusal, as for muteRoom: the vendor lists no 417 for this call.
    room.ionotify = req.bool('close') !== true;
    return { code: 200 };
  },

  chatroomMuteRoom(ctx, req) {
    const room = openRoomOf(ctx, req);
    const operator = req.string('operator');
    ctx.requireAccount(operator, 'operator');
    requireAdmin(ctx, room, operator);
    // Setting the state it already has is no refusal: the vendor lists no 417 for this call.
    room.muted = /** @type {boolean} */ (req.bool('mute'));
    return { code: 200, desc: { success: true } };
  },

  chatroomQueryUserRoomIds(ctx, req) {
    const creator = req.string('creator');
    ctx.requireAccount(creator, 'creator');
    const roomids = [];
    for (const [roomid, room] of Object.entries(roomsOf(ctx))) {
      if (room.creator !== creator) continue;
      settle(ctx, complete(room, roomid));
      if (room.valid) roomids.push(room.roomid);
    }
    roomids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    return { code: 200, desc: { roomids } };
  },

  chatroomRequestAddr(ctx, req) {
    const room = openRoomOf(ctx, req);
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    if (own(room.members, accid)?.blacklisted) ctx.fail(13003, `${accid} is on the blocklist of chatroom ${room.roomid}`);
    return { code: 200, addr: ADDRESSES[req.int('clienttype') ?? 1] };
  },
};
