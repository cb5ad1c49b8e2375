// Chatroom state: its shape, the chatroom clock, room lookups that refuse like the vendor, members and their roles.
// A room holds everything under it (members, queue, messages, statistics), so a room is one JSON object; members are
// keyed by accid and carry the `tags` of their stay (updateChatRoomRoleTag), which the tag calls read.
//
// Presence: the server API cannot make a user enter a room (clients enter over the vendor's long connection), so the
// only members "in the room" are robots (addRobot): they are online until removed or until their 24 hours end.

import { Refusal } from '../../refusal.js';
import { own, put } from '../../own-entries.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').ChatroomState} ChatroomState
 * @typedef {import('./types.js').Room} Room
 * @typedef {import('./types.js').Member} Member
 */

/** The group's empty state. @returns {ChatroomState} */
export function initialState() {
  return { rooms: {}, lastTime: 0 };
}

/** How long a robot stays in a room: 24 hours (vendor's addRobot page). */
export const ROBOT_TTL_MS = 24 * 3600 * 1000;
/** The timed-close delay when a policy is set without `delaySeconds`: 7 days (vendor's English create page). */
export const DEFAULT_DELAY_SECONDS = 7 * 24 * 3600;

/**
 * The time of a chatroom write: the mock's clock, but strictly increasing per app. Members are paged by their entry
 * time (`endtime`), so two members with the same time could never be paged apart; under a frozen clock (`--clock`)
 * each write therefore advances 1 ms.
 * @param {AppContext} ctx
 */
export function tick(ctx) {
  const c = chatroomOf(ctx);
  c.lastTime = Math.max(ctx.now(), (c.lastTime ?? 0) + 1);
  return c.lastTime;
}

/** What a room holds besides the fields it was created with, as makers of its default values. */
const ROOM_PARTS = {
  valid: () => true,
  muted: () => false,
  announcement: () => null,
  broadcasturl: () => '',
  ext: () => '',
  queuelevel: () => 0,
  members: () => ({}),
  /** accid -> Unix ms the robot leaves */
  online: () => ({}),
  emptySince: () => 0,
  queue: () => null,
  messages: () => [],
  /** tag -> Unix ms its mute ends (tagTemporaryMute) */
  tagMutes: () => ({}),
  /** high-priority messages in the current second: [second, count] */
  highPriority: () => [0, 0],
  /** hour start (Unix ms) -> { msgs, enters, active: { accid: 1 } } */
  stats: () => ({}),
};

/** The app's chatroom state. @param {AppContext} ctx @returns {ChatroomState} */
export const chatroomOf = (ctx) => ctx.state.chatroom;

/** A new room's record. @param {string} roomid @param {Record<string, any>} fields @param {number} time */
export function newRoom(roomid, fields, time) {
  return complete({ roomid, ...fields, createTime: time, emptySince: time });
}

/**
 * Fills in what a hand-written fixture (PUT /_mock/state) left out of a room, so every call can rely on it.
 * @param {Record<string, any>} room
 * @param {string} [roomid]
 * @returns {Room}
 */
export function complete(room, roomid) {
  for (const [key, make] of Object.entries(ROOM_PARTS)) if (room[key] === undefined) room[key] = make();
  room.roomid ??= roomid;
  return /** @type {Room} */ (room);
}

/** The app's rooms by id (a fixture may leave the map out). @param {AppContext} ctx */
export const roomsOf = (ctx) => (chatroomOf(ctx).rooms ??= {});

/**
 * The room named by the request's `roomid` (`field`: updateChatRoomRoleTag sends `roomId`), brought up to date; 404
 * when there is none.
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 * @returns {Room}
 */
export function roomOf(ctx, req, field = 'roomid') {
  const roomid = String(req.bigint(field));
  // ctx.fail throws, which the checker cannot see through the context: the cast is the check below.
  const room = /** @type {Room} */ (own(roomsOf(ctx), roomid));
  if (!room) ctx.fail(404, `chatroom ${roomid} does not exist`);
  settle(ctx, complete(room, roomid));
  return room;
}

/**
 * roomOf, and 13002 (聊天室状态异常) when the room is closed: every write but toggleCloseStat needs an open room.
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 */
export function openRoomOf(ctx, req, field = 'roomid') {
  const room = roomOf(ctx, req, field);
  if (!room.valid) ctx.fail(13002, `chatroom ${room.roomid} is closed`);
  return room;
}

/**
 * Applies what time did since the last call: robots whose 24 hours ended leave, and a timed close (定时关闭) that
 * is due closes the room. Runs lazily on every lookup, so state is never stale when read.
 * @param {AppContext} ctx
 * @param {Room} room
 */
export function settle(ctx, room, now = ctx.now()) {
  for (const [accid, until] of Object.entries(room.online)) if (until <= now) leave(room, accid, until);
  const delay = room.delay;
  if (!room.valid || !delay || delay.policy === 0) return;
  const since = delay.policy === 1 ? delay.startTime : Object.keys(room.online).length === 0 ? room.emptySince : Infinity;
  const due = since + delay.seconds * 1000;
  if (now >= due) close(room, due);
}

/** Closes the room: everyone in it leaves (robots, and their transient queue elements with them). @param {Room} room @param {number} time */
export function close(room, time) {
  room.valid = false;
  for (const accid of Object.keys(room.online)) leave(room, accid, time);
}

/**
 * Whether the app knows `accid` (always, without --accounts): for calls that list a refused account, not fail.
 * @param {AppContext} ctx
 * @param {string} accid
 */
export function known(ctx, accid) {
  try {
    ctx.requireAccount(accid);
    return true;
  } catch (error) {
    if (error instanceof Refusal) return false;
    throw error;
  }
}

export { own, put };

/** A member record, created (as a guest) when the room has none for `accid`. @param {Room} room @param {string} accid @param {number} time @returns {Member} */
export function memberOf(room, accid, time) {
  return own(room.members, accid) ?? put(room.members, accid, { accid, role: null, blacklisted: false, muted: false, tempMuteUntil: 0, enterTime: time, profile: {}, stay: {}, tags: [] });
}

/**
 * The role string of the member APIs (ChatroomMemberType). Roles are exclusive: a limited member has no other role.
 * @param {Room} room
 * @param {Member} m
 */
export function typeOf(room, m) {
  if (m.accid === room.creator) return 'CREATOR';
  if (m.blacklisted || m.muted) return 'LIMITED';
  return m.role ?? 'TEMPORARY';
}

/** A fixed member (固定成员): the creator, a manager, a common member, or a blocklisted/muted one. @param {Room} room @param {Member} m */
export const isFixed = (room, m) => typeOf(room, m) !== 'TEMPORARY';
/** @param {Room} room @param {string} accid */
export const isOnline = (room, accid) => Object.hasOwn(room.online, accid);
/** @param {Room} room @param {string} accid */
export const isCreator = (room, accid) => accid === room.creator;
/** @param {Room} room @param {string} accid */
export const isManager = (room, accid) => own(room.members, accid)?.role === 'MANAGER';
/** Whether `accid` is the creator or a manager: the right most chatroom writes ask of their operator. @param {Room} room @param {string} accid */
export const isAdmin = (room, accid) => isCreator(room, accid) || isManager(room, accid);

/** A member the answers list: a fixed member, or anyone in the room now. @param {Room} room @param {Member} m */
export const isPresent = (room, m) => isFixed(room, m) || isOnline(room, m.accid);

/** 403 unless `operator` is the creator or a manager. @param {AppContext} ctx @param {Room} room @param {string} operator */
export function requireAdmin(ctx, room, operator) {
  if (!isAdmin(room, operator)) ctx.fail(403, `operator ${operator} is neither the creator nor a manager of chatroom ${room.roomid}`);
}

/**
 * 403 when `operator` may not act on `target`: nobody changes the creator, and a manager does not change another
 * manager (the vendor names who may set a role, not who may be targeted; docs/adr/0028).
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {string} operator
 * @param {string} target
 */
export function requireAbove(ctx, room, operator, target) {
  if (isCreator(room, target)) ctx.fail(403, `the creator of chatroom ${room.roomid} cannot be targeted`);
  if (!isCreator(room, operator) && isManager(room, target)) ctx.fail(403, `manager ${operator} cannot change manager ${target}`);
}

/**
 * `accid` leaves the room at `time`: its stay profile and its tags (given for a stay) end and its transient queue
 * elements are deleted.
 * @param {Room} room
 * @param {string} accid
 * @param {number} time
 */
export function leave(room, accid, time) {
  if (!isOnline(room, accid)) return;
  delete room.online[accid];
  const m = own(room.members, accid);
  if (m) Object.assign(m, { stay: {}, tags: [] });
  if (room.queue) room.queue.elements = room.queue.elements.filter((e) => e.transientOf !== accid);
  if (Object.keys(room.online).length === 0) room.emptySince = time;
}
