// Members: roles (manager, common, blocklisted, muted) and who may set them, temporary mutes, the in-room profile,
// kicking a member out of the room, and the three member lists (by page, by role, by accid).
import { isCreator, isFixed, isOnline, isPresent, leave, memberOf, openRoomOf, own, requireAbove, requireAdmin, roomOf, tick } from './store.js';
import { memberView } from './views.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 * @typedef {import('./types.js').Member} Member
 * @typedef {(room: Room, m: Member) => boolean} MemberFilter
 * @typedef {object} RoleOpt
 * @property {string} name
 * @property {(m: Member) => boolean} has
 * @property {(m: Member) => unknown} set
 * @property {(m: Member) => unknown} clear
 */

/** setMemberRole's `opt`: what it reads and writes on a member. @type {Record<number, RoleOpt>} */
const ROLE_OPTS = {
  1: { name: 'manager', has: (m) => m.role === 'MANAGER', set: (m) => Object.assign(m, { role: 'MANAGER', blacklisted: false, muted: false }), clear: (m) => (m.role = null) },
  2: { name: 'common member', has: (m) => m.role === 'COMMON', set: (m) => Object.assign(m, { role: 'COMMON', blacklisted: false, muted: false }), clear: (m) => (m.role = null) },
  // A blocklisted or muted member is LIMITED: the role it had is gone, so lifting the limit leaves a guest (游客).
  [-1]: { name: 'blocklisted', has: (m) => m.blacklisted, set: (m) => Object.assign(m, { role: null, blacklisted: true }), clear: (m) => (m.blacklisted = false) },
  [-2]: { name: 'muted', has: (m) => m.muted, set: (m) => Object.assign(m, { role: null, muted: true }), clear: (m) => (m.muted = false) },
};

/** membersByPage's `type`: which members a page lists. @type {Record<number, MemberFilter>} */
const PAGE_KINDS = {
  0: (room, m) => isFixed(room, m),
  1: (room, m) => !isFixed(room, m) && isOnline(room, m.accid),
  2: (room, m) => isFixed(room, m) && isOnline(room, m.accid),
};

/** queryMembersByRole's `roles` keys, in the order the vendor's sample lists them. @type {Record<string, MemberFilter>} */
const ROLE_FILTERS = {
  creator: (room, m) => isCreator(room, m.accid),
  manager: (_room, m) => m.role === 'MANAGER',
  blacklist: (_room, m) => m.blacklisted,
  mute: (_room, m) => m.muted,
};

/** @param {Member} a @param {Member} b */
const byEntry = (a, b) => a.enterTime - b.enterTime;

/**
 * The open room, and the operator and the target of a role or mute change (both accounts of the app).
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 */
function change(ctx, req) {
  const room = openRoomOf(ctx, req);
  const operator = req.string('operator');
  const target = req.string('target');
  ctx.requireAccount(operator, 'operator');
  ctx.requireAccount(target, 'target');
  return { room, operator, target };
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomSetMemberRole(ctx, req) {
    const { room, operator, target } = change(ctx, req);
    // `opt` and `type` below are enums of the spec: its validation has refused any other value.
    const opt = /** @type {RoleOpt} */ (ROLE_OPTS[/** @type {number} */ (req.int('opt'))]);
    if (req.int('opt') === 1 && !isCreator(room, operator)) ctx.fail(403, `only the creator of chatroom ${room.roomid} may appoint or remove managers`);
    requireAdmin(ctx, room, operator);
    requireAbove(ctx, room, operator, target);
    const time = tick(ctx);
    const m = memberOf(room, target, time);
    const wasFixed = isFixed(room, m);
    const value = req.bool('optvalue');
    if (Boolean(opt.has(m)) === value) ctx.fail(417, `${target} is ${value ? 'already' : 'not'} ${opt.name} in chatroom ${room.roomid}`);
    (value ? opt.set : opt.clear)(m);
    if (!wasFixed && isFixed(room, m)) m.enterTime = time;
    // A blocklisted member may not stay in the room (13003: not allowed to enter).
    if (m.blacklisted) leave(room, target, time);
    return { code: 200, desc: memberView(room, m, ctx.now()) };
  },

  chatroomTemporaryMute(ctx, req) {
    const { room, operator, target } = change(ctx, req);
    requireAdmin(ctx, room, operator);
    requireAbove(ctx, room, operator, target);
    const now = ctx.now();
    // A required field: the spec's validation has refused a call without it.
    const seconds = /** @type {number} */ (req.int('muteDuration'));
    const m = memberOf(room, target, tick(ctx));
    if (seconds === 0 && !(m.tempMuteUntil > now)) ctx.fail(417, `${target} is not temporarily muted in chatroom ${room.roomid}`);
    m.tempMuteUntil = seconds === 0 ? 0 : now + seconds * 1000;
    return { code: 200, desc: { muteDuration: seconds } };
  },

  chatroomKickMember(ctx, req) {
    const room = openRoomOf(ctx, req);
    const [operator, target] = [req.string('accid'), req.string('targetAccid')];
    ctx.requireAccount(operator, 'accid');
    ctx.requireAccount(target, 'targetAccid');
    requireAdmin(ctx, room, operator);
    requireAbove(ctx, room, operator, target);
    if (!isOnline(room, target)) ctx.fail(404, `${target} is not in chatroom ${room.roomid}`);
    // Kicking ends the stay only: a fixed member keeps its role and may enter again.
    leave(room, target, tick(ctx));
    return { code: 200 };
  },

  chatroomUpdateMyRoomRole(ctx, req) {
    const room = openRoomOf(ctx, req);
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    const m = /** @type {Member} */ (own(room.members, accid));
    const save = req.bool('save') === true && m !== undefined && isFixed(room, m);
    // An unsaved change lasts for the member's current stay: without a stay and without `save` there is nothing to change.
    if (!m || !(save || isOnline(room, accid))) ctx.fail(404, `${accid} is not in chatroom ${room.roomid}`);
    m.profile ??= {};
    m.stay ??= {};
    for (const field of /** @type {const} */ (['nick', 'avator', 'ext'])) {
      const value = req.string(field);
      if (value === undefined) continue;
      if (save) {
        m.profile[field] = value;
        delete m.stay[field];
      } else {
        m.stay[field] = value;
      }
    }
    return { code: 200 };
  },

  chatroomMembersByPage(ctx, req) {
    const room = roomOf(ctx, req);
    const now = ctx.now();
    const kind = /** @type {MemberFilter} */ (PAGE_KINDS[/** @type {number} */ (req.int('type'))]);
    // endtime 0 is "now": every member entered before it, including those a frozen clock placed after it (tick).
    const before = req.int('endtime') || Infinity;
    const data = Object.values(room.members)
      .filter((m) => m.enterTime < before && kind(room, m))
      .sort((a, b) => byEntry(b, a))
      .slice(0, req.int('limit'))
      .map((m) => memberView(room, m, now));
    return { code: 200, desc: { data } };
  },

  chatroomQueryMembersByRole(ctx, req) {
    const room = roomOf(ctx, req);
    const now = ctx.now();
    const roles = req.json('roles');
    const members = Object.values(room.members).sort(byEntry);
    const listed = new Set();
    for (const [role, wanted] of Object.entries(ROLE_FILTERS)) {
      if (roles[role] === true) for (const m of members) if (wanted(room, m)) listed.add(m);
    }
    return { code: 200, desc: { data: [...listed].map((m) => memberView(room, m, now)) } };
  },

  chatroomQueryMembers(ctx, req) {
    const room = roomOf(ctx, req);
    const now = ctx.now();
    const data = [];
    for (const accid of new Set(req.json('accids'))) {
      const m = own(room.members, accid);
      if (m && isPresent(room, m)) data.push(memberView(room, m, now));
    }
    return { code: 200, desc: { data } };
  },
};
