// The wire records of the chatroom answers (vendor-doc form): a room (ChatroomInfo) and a member (ChatroomMember).
import { isOnline, own, typeOf } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 * @typedef {import('./types.js').Member} Member
 */

/**
 * A room as create, get, getBatch, update and toggleCloseStat return it; `onlineusercount` only when asked for.
 * @param {Room} room
 * @returns {Record<string, any>}
 */
export function roomView(room, { onlineCount = false } = {}) {
  /** @type {Record<string, any>} */
  const view = {
    roomid: BigInt(room.roomid),
    name: room.name,
    // The vendor sends null, not '', for a room without an announcement.
    announcement: room.announcement || null,
    broadcasturl: room.broadcasturl,
    ext: room.ext,
    creator: room.creator,
    valid: room.valid,
    muted: room.muted,
    queuelevel: room.queuelevel,
  };
  if (room.ionotify !== undefined) view.ionotify = room.ionotify;
  if (room.delay) {
    view.delayInfo = { delayCloseEnable: room.delay.policy !== 0, delayClosePolicy: room.delay.policy, delaySeconds: room.delay.seconds };
  }
  if (onlineCount) view.onlineusercount = Object.keys(room.online).length;
  return view;
}

/**
 * A member as the member APIs return it. Flags and timers that do not apply are left out rather than false or 0,
 * as the vendor's members page says; `avator` (sic) is null when none was set.
 * @param {Room} room
 * @param {Member} m
 * @param {number} now
 * @returns {Record<string, any>}
 */
export function memberView(room, m, now) {
  const profile = { ...m.profile, ...m.stay };
  /** @type {Record<string, any>} */
  const view = { roomid: BigInt(room.roomid), accid: m.accid };
  if (profile.nick !== undefined) view.nick = profile.nick;
  view.avator = profile.avator ?? null;
  view.ext = profile.ext ?? '';
  view.type = typeOf(room, m);
  view.onlineStat = isOnline(room, m.accid);
  view.enterTime = m.enterTime;
  if (m.blacklisted) view.blacklisted = true;
  if (m.muted) view.muted = true;
  if (m.tempMuteUntil > now) Object.assign(view, { tempMuted: true, tempMuteTtl: Math.ceil((m.tempMuteUntil - now) / 1000) });
  const robotUntil = own(room.online, m.accid);
  if (robotUntil !== undefined) Object.assign(view, { isRobot: true, robotExpirAt: Math.ceil((robotUntil - now) / 1000) });
  return view;
}
