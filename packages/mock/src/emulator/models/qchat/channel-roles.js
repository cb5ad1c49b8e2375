// QChat channel-level permissions: channel roles (频道身份组, a server role brought into a channel) and the custom
// permissions of one user in a channel (个人定制权限).
import { AUTH, CHANNEL_CODES, inheritAuths, parseAuths, requireAuth } from './auths.js';
import { requireServerChannel } from './channels.js';
import { requireOtherMember } from './members.js';
import { compact, idField, own, pageByTime, put, requireMember, requireRole, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Channel} Channel
 * @typedef {import('./types.js').Scope} Scope
 * @typedef {import('./types.js').ScopeRole} ScopeRole
 */

/** A channel role as the vendor answers it. @param {Server} server @param {Channel} channel @param {ScopeRole} cr */
function channelRoleInfo(server, channel, cr) {
  const role = /** @type {import('./types.js').Role} */ (server.roles[cr.serverRoleId]);
  return compact({
    serverId: BigInt(server.serverId),
    channelId: BigInt(channel.channelId),
    roleId: BigInt(cr.roleId),
    serverRoleId: BigInt(cr.serverRoleId),
    name: role.name,
    icon: role.icon,
    ext: role.ext,
    type: role.type,
    auths: JSON.stringify(cr.auths),
    createtime: cr.createtime,
    updatetime: cr.updatetime,
  });
}

/**
 * A user's custom permissions as the vendor answers them.
 * @param {Server} server @param {Channel} channel @param {import('./types.js').UserPermission} ui
 */
function userIdentifyInfo(server, channel, ui) {
  const member = /** @type {import('./types.js').Member} */ (own(server.members, ui.accid));
  return compact({
    serverId: BigInt(server.serverId),
    channelId: BigInt(channel.channelId),
    accid: ui.accid,
    auths: JSON.stringify(ui.auths),
    nick: member.nick,
    avatar: member.avatar,
    custom: member.custom,
    inviter: member.inviter,
    joinTime: member.joinTime,
    memberType: ui.accid === server.owner ? 1 : 0,
    createtime: ui.createtime,
    updatetime: ui.updatetime,
  });
}

/**
 * The channel, its server, and an operator allowed to manage roles in the channel (403 otherwise).
 * @param {AppContext} ctx @param {import('./types.js').EmuRequest} req
 */
function managed(ctx, req) {
  const { server, channel } = requireServerChannel(ctx, req);
  requireAuth(ctx, server, req.string('accid'), AUTH.manageRole, channel);
  return { server, channel };
}

/**
 * The channel role `roleId`, or 404.
 * @param {AppContext} ctx
 * @param {Channel} channel
 * @param {string | undefined} roleId
 */
function requireChannelRole(ctx, channel, roleId) {
  const cr = roleId === undefined ? undefined : channel.roles[roleId];
  if (!cr) ctx.fail(404, `channel role ${roleId} does not exist in channel ${channel.channelId}`);
  return /** @type {ScopeRole} */ (cr);
}

/**
 * `accid`'s custom permissions in the channel, or 404.
 * @param {AppContext} ctx
 * @param {Channel} channel
 * @param {string} accid
 */
function requireUserIdentify(ctx, channel, accid) {
  const ui = own(channel.users, accid);
  if (!ui) ctx.fail(404, `${accid} has no custom permissions in channel ${channel.channelId}`);
  return /** @type {import('./types.js').UserPermission} */ (ui);
}

/**
 * Brings server role `serverRoleId` (404 when the server has none) into a channel or a category (`scope`, named
 * `where`) as a new scope role inheriting every channel permission; a role the scope already has is 417.
 * @param {AppContext} ctx @param {Server} server @param {Scope} scope @param {string | undefined} serverRoleId @param {string} where
 * @returns {ScopeRole}
 */
export function addScopeRole(ctx, server, scope, serverRoleId, where) {
  const role = requireRole(ctx, server, serverRoleId);
  if (Object.values(scope.roles).some((cr) => cr.serverRoleId === role.roleId)) ctx.fail(417, `role ${role.roleId} is already a role of ${where}`);
  const time = tick(ctx);
  const cr = { roleId: String(ctx.nextId()), serverRoleId: role.roleId, auths: inheritAuths(), createtime: time, updatetime: time };
  scope.roles[cr.roleId] = cr;
  return cr;
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatCreateChannelIdentify(ctx, req) {
    const { server, channel } = managed(ctx, req);
    const cr = addScopeRole(ctx, server, channel, idField(req, 'serverRoleId'), `channel ${channel.channelId}`);
    return { code: 200, identify: channelRoleInfo(server, channel, cr) };
  },

  qchatDeleteChannelIdentify(ctx, req) {
    const { channel } = managed(ctx, req);
    const cr = requireChannelRole(ctx, channel, idField(req, 'roleId'));
    if (cr.roleId === channel.everyoneChannelRoleId) ctx.fail(403, 'the everyone role of a channel cannot be deleted');
    delete channel.roles[cr.roleId];
    return { code: 200 };
  },

  qchatUpdateChannelIdentify(ctx, req) {
    const { server, channel } = managed(ctx, req);
    const cr = requireChannelRole(ctx, channel, idField(req, 'roleId'));
    Object.assign(cr.auths, parseAuths(ctx, req, CHANNEL_CODES, [-1, 0, 1]));
    cr.updatetime = tick(ctx);
    return { code: 200, identify: channelRoleInfo(server, channel, cr) };
  },

  qchatGetChannelIdentifyPages(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    requireMember(ctx, server, req.string('accid'));
    const timetag = req.int('timetag') ?? 0;
    const others = Object.values(channel.roles).filter((cr) => cr.roleId !== channel.everyoneChannelRoleId);
    const { page } = pageByTime(others, (cr) => cr.createtime, timetag, req.int('limit') ?? 200);
    // The first page starts with the everyone role and so holds one row more than `limit` (vendor's page).
    if (!(timetag > 0)) page.unshift(/** @type {ScopeRole} */ (channel.roles[channel.everyoneChannelRoleId]));
    return { code: 200, identifies: page.map((cr) => channelRoleInfo(server, channel, cr)) };
  },

  qchatCreateUserIdentify(ctx, req) {
    const { server, channel } = managed(ctx, req);
    const accid = req.string('faccid');
    requireOtherMember(ctx, server, accid);
    if (own(channel.users, accid)) ctx.fail(417, `${accid} already has custom permissions in channel ${channel.channelId}`);
    const time = tick(ctx);
    const ui = put(channel.users, accid, { accid, auths: inheritAuths(), createtime: time, updatetime: time });
    return { code: 200, identify: userIdentifyInfo(server, channel, ui) };
  },

  qchatDeleteUserIdentify(ctx, req) {
    const { channel } = managed(ctx, req);
    const ui = requireUserIdentify(ctx, channel, req.string('faccid'));
    delete channel.users[ui.accid];
    return { code: 200 };
  },

  qchatUpdateUserIdentify(ctx, req) {
    const { server, channel } = managed(ctx, req);
    const ui = requireUserIdentify(ctx, channel, req.string('faccid'));
    Object.assign(ui.auths, parseAuths(ctx, req, CHANNEL_CODES, [-1, 0, 1]));
    ui.updatetime = tick(ctx);
    return { code: 200, identify: userIdentifyInfo(server, channel, ui) };
  },

  qchatGetUserIdentifyPages(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    requireMember(ctx, server, req.string('accid'));
    const rows = Object.values(channel.users);
    const { page } = pageByTime(rows, (ui) => ui.createtime, req.int('timetag'), req.int('limit'));
    return { code: 200, identifies: page.map((ui) => userIdentifyInfo(server, channel, ui)) };
  },
};
