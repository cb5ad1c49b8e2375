// QChat permissions (权限): the codes, the defaults of a new role, and what a member may do in a server or channel.
// The vendor's rules (its "成员权限查询与判定" guide): at server level a member holds the union of the permissions of
// every role it has, the everyone role included ("取有不取无、多组取并集"); at channel level a user's own custom
// permissions (个人定制权限) come first, then the channel roles (频道身份组) of the roles it holds, then the
// server level; the owner of the server may do everything.
import { own, requireMember } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Scope} Scope
 */

export const AUTH = Object.freeze({
  manageServer: '1',
  manageChannel: '2',
  manageRole: '3',
  sendMsg: '4',
  updateOwnMember: '5',
  invite: '6',
  kick: '7',
  updateOtherMember: '8',
  recallOthers: '9',
  deleteOthers: '10',
  mentionOthers: '11',
  mentionAll: '12',
  manageAccessList: '13',
  ban: '14',
});

/** @type {Record<string, string>} */
const NAMES = Object.fromEntries(Object.entries(AUTH).map(([name, code]) => [code, name]));
export const SERVER_CODES = Object.values(AUTH);
export const CHANNEL_CODES = ['2', '3', '4', '9', '10', '11', '12', '13'];

/**
 * The everyone role's permissions in a new server: what an ordinary member needs to take part (send, @ someone,
 * edit its own profile, invite friends) is allowed, every management right is denied. The vendor documents that
 * the everyone role has defaults but not their values on these pages: this is the mock's choice (ADR 0029).
 */
export function everyoneAuths() {
  const allowed = new Set(/** @type {string[]} */ ([AUTH.sendMsg, AUTH.updateOwnMember, AUTH.invite, AUTH.mentionOthers]));
  return Object.fromEntries(SERVER_CODES.map((c) => [c, allowed.has(c) ? 1 : -1]));
}

/** A new custom role grants nothing until `updateServerIdentify` sets its `auths`. */
export function customRoleAuths() {
  return Object.fromEntries(SERVER_CODES.map((c) => [c, -1]));
}

/** A new channel role or user permission record inherits (0) every channel-level permission. */
export function inheritAuths() {
  return Object.fromEntries(CHANNEL_CODES.map((c) => [c, 0]));
}

/**
 * Checks an `auths` form field: a JSON object of permission codes among `codes` mapped to one of `values`.
 * Anything else (code 1 on a channel, value 0 on a server role, ...) is a parameter error (414).
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 * @param {string[]} codes
 * @param {number[]} values
 * @returns {import('./types.js').Auths}
 */
export function parseAuths(ctx, req, codes, values) {
  const auths = req.json('auths');
  if (!auths || typeof auths !== 'object' || Array.isArray(auths)) ctx.fail(414, 'auths must be a JSON object');
  for (const [code, value] of Object.entries(/** @type {object} */ (auths))) {
    if (!codes.includes(code)) ctx.fail(414, `auths: permission ${code} cannot be set here`);
    if (!values.includes(value)) ctx.fail(414, `auths: permission ${code} takes ${values.join(', ')}`);
  }
  return /** @type {import('./types.js').Auths} */ (auths);
}

/**
 * The server roles `accid` holds: the everyone role and every custom role it was given.
 * @param {Server} server
 * @param {string} accid
 */
export function rolesOf(server, accid) {
  return Object.values(server.roles).filter((r) => r.type === 1 || own(r.members, accid) !== undefined);
}

/** @param {Server} server @param {string} accid @param {string} code */
function serverAllows(server, accid, code) {
  return rolesOf(server, accid).some((r) => r.auths[code] === 1);
}

/** @param {Server} server @param {Scope} channel @param {string} accid @param {string} code */
function channelAllows(server, channel, accid, code) {
  if (!CHANNEL_CODES.includes(code)) return serverAllows(server, accid, code);
  const mine = own(channel.users, accid)?.auths[code];
  if (mine === 1 || mine === -1) return mine === 1;
  const held = new Set(rolesOf(server, accid).map((r) => r.roleId));
  const values = Object.values(channel.roles)
    .filter((cr) => held.has(cr.serverRoleId))
    .map((cr) => cr.auths[code]);
  if (values.includes(1)) return true;
  if (values.includes(-1)) return false;
  return serverAllows(server, accid, code);
}

/**
 * Whether member `accid` holds permission `code` in the server, or in `channel` (or a category) when given.
 * @param {Server} server @param {string} accid @param {string} code @param {Scope} [channel]
 */
export function allows(server, accid, code, channel) {
  if (accid === server.owner) return true;
  if (!own(server.members, accid)) return false;
  return channel ? channelAllows(server, channel, accid, code) : serverAllows(server, accid, code);
}

/** A channel or a channel category (both have roles, per-user permissions and lists), as a refusal names it. */
/** @param {Scope | undefined} scope */
const scopeName = (scope) => scope && (scope.channelId !== undefined ? `channel ${scope.channelId}` : `category ${scope.categoryId}`);

/**
 * Refuses (403) an operator who is not a member or lacks permission `code` (in `channel`, a channel or a category,
 * when given); returns its membership.
 * @param {AppContext} ctx @param {Server} server @param {string | undefined} accid @param {string} code @param {Scope} [channel]
 */
export function requireAuth(ctx, server, accid, code, channel) {
  const member = requireMember(ctx, server, accid);
  if (!allows(server, /** @type {string} */ (accid), code, channel)) {
    const where = scopeName(channel) ?? `server ${server.serverId}`;
    ctx.fail(403, `${accid} lacks permission ${code} (${NAMES[code]}) in ${where}`);
  }
  return member;
}

/**
 * Whether `accid` may see and use `channel` (viewMode 0 public: unless it or one of its roles is on the black list;
 * viewMode 1 private: only if it or one of its roles is on the white list). The server's owner and the channel's
 * creator always may.
 * @param {Server} server @param {Scope} channel @param {string} accid
 */
export function canAccess(server, channel, accid) {
  if (accid === server.owner || accid === channel.owner) return Boolean(own(server.members, accid));
  if (!own(server.members, accid)) return false;
  const list = channel.viewMode === 1 ? channel.lists.white : channel.lists.black;
  const listed = own(list.users, accid) !== undefined || rolesOf(server, accid).some((r) => list.roles[r.roleId] !== undefined);
  return channel.viewMode === 1 ? listed : !listed;
}

/**
 * Refuses (403) a member who cannot see the channel.
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {Scope} channel
 * @param {string | undefined} accid
 */
export function requireAccess(ctx, server, channel, accid) {
  requireMember(ctx, server, accid);
  if (!canAccess(server, channel, /** @type {string} */ (accid))) ctx.fail(403, `${accid} may not use channel ${channel.channelId}`);
}
