// QChat server roles (服务器身份组): create, update, remove, list by priority, and who holds them.
import { AUTH, SERVER_CODES, customRoleAuths, parseAuths, requireAuth, rolesOf } from './auths.js';
import { requireOtherMember } from './members.js';
import {
  LIMITS,
  assignSent,
  categoriesOf,
  channelsOf,
  compact,
  idField,
  listField,
  memberInfo,
  own,
  pageByTime,
  put,
  requireMember,
  requireRole,
  requireServer,
  tick,
} from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Role} Role
 * @typedef {import('./types.js').Member} Member
 */

/**
 * A server role as the vendor returns it: lowercase time keys, `auths` as JSON text; `ismember` in lists only.
 * @param {Server} server @param {Role} role @param {string} [operator]
 */
export function serverRoleInfo(server, role, operator) {
  /** @param {string} accid */
  const holds = (accid) => (role.type === 1 ? Boolean(own(server.members, accid)) : own(role.members, accid) !== undefined);
  return compact({
    roleId: BigInt(role.roleId),
    name: role.name,
    icon: role.icon,
    ext: role.ext,
    auths: JSON.stringify(role.auths),
    priority: role.priority,
    type: role.type,
    membercount: role.type === 1 ? Object.keys(server.members).length : Object.keys(role.members).length,
    createtime: role.createtime,
    updatetime: role.updatetime,
    ismember: operator === undefined ? undefined : Number(holds(operator)),
  });
}

const customRoles = (/** @type {Server} */ server) => Object.values(server.roles).filter((r) => r.type === 2);

/**
 * The custom role `roleId`: the everyone role cannot be deleted, nor handed out, nor taken away (403).
 * @param {AppContext} ctx @param {Server} server @param {string | undefined} roleId @param {string} what
 */
function requireCustomRole(ctx, server, roleId, what) {
  const role = requireRole(ctx, server, roleId);
  if (role.type === 1) ctx.fail(403, `the everyone role cannot ${what}`);
  return role;
}

/**
 * Takes `roleId` out of every channel and category of the server (its channel and category roles and access-list
 * entries go with it).
 * @param {AppContext} ctx @param {Server} server @param {string} roleId
 */
function forgetRole(ctx, server, roleId) {
  for (const scope of [...channelsOf(ctx, server.serverId), ...categoriesOf(ctx, server.serverId)]) {
    for (const [id, cr] of Object.entries(scope.roles)) if (cr.serverRoleId === roleId) delete scope.roles[id];
    delete scope.lists.white.roles[roleId];
    delete scope.lists.black.roles[roleId];
  }
}

/**
 * Applies `change` to each of `faccids`; the vendor answers 200 with the accounts split by outcome.
 * @param {EmuRequest} req @param {(accid: string) => boolean} change
 */
function changeHolders(req, change) {
  /** @type {string[]} */
  const successAccids = [];
  /** @type {string[]} */
  const failAccids = [];
  for (const accid of new Set(listField(req, 'faccids').map(String))) (change(accid) ? successAccids : failAccids).push(accid);
  return { code: 200, successAccids, failAccids };
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatCreateServerIdentify(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.manageRole);
    const roles = customRoles(server);
    if (roles.length >= LIMITS.customRolesPerServer) {
      ctx.fail(419, `server ${server.serverId} already has ${LIMITS.customRolesPerServer} custom roles`);
    }
    let priority = req.int('priority');
    if (priority === undefined) priority = Math.max(0, ...roles.map((r) => r.priority)) + 1;
    if (priority < 1) ctx.fail(414, 'priority of a custom role starts at 1 (0 is the everyone role)');
    if (roles.some((r) => r.priority === priority)) ctx.fail(417, `another role of the server has priority ${priority}`);
    const time = tick(ctx);
    const role = {
      roleId: String(ctx.nextId()),
      name: req.string('name'),
      icon: req.string('icon'),
      ext: req.string('ext'),
      type: 2,
      priority,
      auths: customRoleAuths(),
      members: {},
      createtime: time,
      updatetime: time,
    };
    server.roles[role.roleId] = role;
    return { code: 200, identify: serverRoleInfo(server, role) };
  },

  qchatRemoveServerIdentify(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.manageRole);
    const role = requireCustomRole(ctx, server, idField(req, 'roleId'), 'be removed');
    forgetRole(ctx, server, role.roleId);
    delete server.roles[role.roleId];
    return { code: 200 };
  },

  qchatUpdateServerIdentify(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    requireAuth(ctx, server, accid, AUTH.manageRole);
    const role = requireRole(ctx, server, idField(req, 'roleId'));
    // The vendor: only the server's owner may change the everyone role's permissions.
    if (role.type === 1 && accid !== server.owner) ctx.fail(403, 'only the owner may change the everyone role');
    if (req.fields.has('auths')) Object.assign(role.auths, parseAuths(ctx, req, SERVER_CODES, [-1, 1]));
    assignSent(req, role, ['name', 'icon', 'ext']);
    role.updatetime = tick(ctx);
    return { code: 200, identify: serverRoleInfo(server, role) };
  },

  qchatGetServerIdentifyPages(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    requireMember(ctx, server, accid);
    const anchor = req.int('priority') ?? 0;
    const rows = customRoles(server)
      .filter((r) => r.priority > anchor)
      .sort((a, b) => a.priority - b.priority)
      .slice(0, req.int('limit') ?? 200);
    // The first page starts with the everyone role, one row more than `limit` (the vendor's page says so).
    if (anchor === 0) rows.unshift(/** @type {Role} */ (server.roles[server.everyoneRoleId]));
    return { code: 200, identify: rows.map((r) => serverRoleInfo(server, r, accid)) };
  },

  qchatCreateServerIdentifyMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.manageRole);
    const role = requireCustomRole(ctx, server, idField(req, 'roleId'), 'be handed out');
    return changeHolders(req, (accid) => {
      if (!own(server.members, accid) || own(role.members, accid) !== undefined) return false;
      put(role.members, accid, tick(ctx));
      return true;
    });
  },

  qchatDeleteServerIdentifyMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.manageRole);
    const role = requireCustomRole(ctx, server, idField(req, 'roleId'), 'be taken away');
    return changeHolders(req, (accid) => own(role.members, accid) !== undefined && delete role.members[accid]);
  },

  qchatGetServerIdentifyMemberPages(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireMember(ctx, server, req.string('accid'));
    const role = requireRole(ctx, server, idField(req, 'roleId'));
    // Holders newest first; the anchor is (timetag, faccid): rows after it in (time desc, accid asc) order.
    /** When `accid` (a key of the map read) came to hold the role. @param {string} accid @returns {number} */
    const added = (accid) =>
      role.type === 1 ? /** @type {Member} */ (own(server.members, accid)).joinTime : /** @type {number} */ (own(role.members, accid));
    const timetag = req.int('timetag') ?? 0;
    const faccid = req.string('faccid') ?? '';
    const holders = (role.type === 1 ? Object.keys(server.members) : Object.keys(role.members))
      .map((accid) => ({ accid, time: added(accid) }))
      .sort((a, b) => b.time - a.time || (a.accid < b.accid ? -1 : 1))
      .filter((h) => !(timetag > 0) || h.time < timetag || (h.time === timetag && h.accid > faccid));
    const page = holders.slice(0, req.int('limit') ?? 200);
    return { code: 200, serverMembers: page.map((h) => memberInfo(server, /** @type {Member} */ (own(server.members, h.accid)))) };
  },

  qchatGetUserServerIdentify(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    requireMember(ctx, server, accid);
    const faccid = req.string('faccid');
    requireOtherMember(ctx, server, faccid);
    const held = rolesOf(server, faccid).filter((r) => r.type === 2);
    const given = (/** @type {Role} */ r) => /** @type {number} */ (own(r.members, faccid));
    const { page } = pageByTime(held, given, req.int('timetag'), req.int('limit') ?? 200);
    return { code: 200, serverIdentifies: page.map((r) => serverRoleInfo(server, r, accid)) };
  },
};
