// QChat channel white and black lists (白名单 / 黑名单) of server roles and of accounts. A public channel (viewMode 0)
// keeps out what is on its black list; a private one (viewMode 1) lets in only what is on its white list.
import { AUTH, requireAuth } from './auths.js';
import { requireServerChannel } from './channels.js';
import { requireOtherMember } from './members.js';
import { serverRoleInfo } from './roles.js';
import { LIMITS, idField, idKey, listField, memberInfo, own, pageByTime, put, requireMember, requireRole, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').AccessList} AccessList
 * @typedef {{ server: import('./types.js').Server, list: AccessList }} ListOf  a list with the server it belongs to
 * @typedef {import('./types.js').Role} Role
 * @typedef {import('./types.js').Member} Member
 */

const ADD = 1;

/**
 * The channel's list named by `type` (1 white, 2 black), with its server and channel.
 * @param {AppContext} ctx @param {EmuRequest} req
 */
function listOf(ctx, req) {
  const { server, channel } = requireServerChannel(ctx, req);
  const list = req.int('type') === 1 ? channel.lists.white : channel.lists.black;
  return { server, channel, list, name: req.int('type') === 1 ? 'white list' : 'black list' };
}

/**
 * The list, its operator required to hold the manage-lists permission in the channel.
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 */
function managedList(ctx, req) {
  const found = listOf(ctx, req);
  requireAuth(ctx, found.server, req.string('accid'), AUTH.manageAccessList, found.channel);
  return found;
}

/** The list, its reader required to be a member of the server. @param {AppContext} ctx @param {EmuRequest} req */
function readList(ctx, req) {
  const found = listOf(ctx, req);
  requireMember(ctx, found.server, req.string('accid'));
  return found;
}

/**
 * The reads of a white or black list `{ server, list }` (of a channel or of a channel category): pages of its roles
 * and accounts, newest entry first, and which of the roles or accounts asked for are on it.
 */
export const listReads = {
  /** @param {ListOf} of @param {EmuRequest} req */
  rolePage({ server, list }, req) {
    // A list names only roles and members the server has (fixtures.js drops the others).
    const rows = Object.keys(list.roles).map((roleId) => /** @type {Role} */ (server.roles[roleId]));
    const added = (/** @type {Role} */ r) => /** @type {number} */ (list.roles[r.roleId]);
    const { page, pageInfo } = pageByTime(rows, added, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, identifies: page.map((r) => serverRoleInfo(server, r)) };
  },
  /** @param {ListOf} of @param {EmuRequest} req */
  userPage({ server, list }, req) {
    const rows = Object.keys(list.users).map((accid) => /** @type {Member} */ (own(server.members, accid)));
    const added = (/** @type {Member} */ m) => /** @type {number} */ (own(list.users, m.accid));
    const { page, pageInfo } = pageByTime(rows, added, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, members: page.map((m) => memberInfo(server, m)) };
  },
  /** @param {ListOf} of @param {EmuRequest} req */
  roles({ server, list }, req) {
    /** @type {(id: string | undefined) => id is string} */
    const listed = (id) => id !== undefined && list.roles[id] !== undefined;
    const ids = [...new Set(listField(req, 'roleids').map(idKey))].filter(listed);
    return { code: 200, identifies: ids.map((id) => serverRoleInfo(server, /** @type {Role} */ (server.roles[id]))) };
  },
  /** @param {ListOf} of @param {EmuRequest} req */
  users({ server, list }, req) {
    const accids = [...new Set(listField(req, 'accids').map(String))].filter((a) => own(list.users, a) !== undefined);
    return { code: 200, members: accids.map((accid) => memberInfo(server, /** @type {Member} */ (own(server.members, accid)))) };
  },
};

/**
 * Refuses (419) adding `adding` entries to a full list.
 * @param {AppContext} ctx
 * @param {AccessList} list
 * @param {string} name
 * @param {number} adding
 */
function requireRoomOnList(ctx, list, name, adding) {
  const size = Object.keys(list.roles).length + Object.keys(list.users).length;
  if (size + adding > LIMITS.accessListEntries) ctx.fail(419, `the ${name} holds at most ${LIMITS.accessListEntries} entries`);
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatUpdateWhiteBlackIdentify(ctx, req) {
    const { server, list, name } = managedList(ctx, req);
    const role = requireRole(ctx, server, idField(req, 'roleid'));
    const listed = list.roles[role.roleId] !== undefined;
    if (req.int('opeType') === ADD) {
      if (listed) ctx.fail(417, `role ${role.roleId} is already on the ${name}`);
      requireRoomOnList(ctx, list, name, 1);
      list.roles[role.roleId] = tick(ctx);
    } else {
      if (!listed) ctx.fail(404, `role ${role.roleId} is not on the ${name}`);
      delete list.roles[role.roleId];
    }
    return { code: 200 };
  },

  qchatUpdateWhiteBlackIdentifyUser(ctx, req) {
    const { server, list, name } = managedList(ctx, req);
    const accids = [...new Set(listField(req, 'toAccids').map(String))];
    for (const accid of accids) requireOtherMember(ctx, server, accid);
    if (req.int('opeType') === ADD) {
      const fresh = accids.filter((accid) => own(list.users, accid) === undefined);
      if (!fresh.length) ctx.fail(417, `every account is already on the ${name}`);
      requireRoomOnList(ctx, list, name, fresh.length);
      for (const accid of fresh) put(list.users, accid, tick(ctx));
    } else {
      const listed = accids.filter((accid) => own(list.users, accid) !== undefined);
      if (!listed.length) ctx.fail(404, `none of the accounts is on the ${name}`);
      for (const accid of listed) delete list.users[accid];
    }
    return { code: 200 };
  },

  qchatQueryWhiteBlackIdentify: (ctx, req) => listReads.rolePage(readList(ctx, req), req),
  qchatQueryWhiteBlackIdentifyUser: (ctx, req) => listReads.userPage(readList(ctx, req), req),
  qchatBatchGetWhiteBlackIdentify: (ctx, req) => listReads.roles(readList(ctx, req), req),
  qchatBatchGetWhiteBlackIdentifyUser: (ctx, req) => listReads.users(readList(ctx, req), req),
};
