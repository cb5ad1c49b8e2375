// A state loaded with PUT /_mock/state or --state-file may be hand-written: it gets the parts it leaves out the first
// time the model reads each server or channel, so a short fixture (a server with its owner, a channel with its
// server) behaves like one the model built. What is filled in is what the creating call would have set.
import { customRoleAuths, everyoneAuths, inheritAuths } from './auths.js';
import { own, put } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Channel} Channel
 * @typedef {import('./types.js').Category} Category
 * @typedef {import('./types.js').Scope} Scope
 * @typedef {import('./types.js').Member} Member
 * @typedef {import('./types.js').Role} Role
 * @typedef {import('./types.js').ScopeRole} ScopeRole
 */

// Objects already completed (not state: a reloaded state consists of new objects and is completed again).
const done = new WeakSet();

/**
 * The group's top-level maps.
 * @param {Partial<import('./types.js').QChatState>} q
 * @returns {import('./types.js').QChatState}
 */
export function completeState(q) {
  q.servers ??= {};
  q.channels ??= {};
  q.notifications ??= {};
  q.categories ??= {};
  q.lastTime ??= 0;
  return /** @type {import('./types.js').QChatState} */ (q);
}

/**
 * A server of a loaded state, completed (once).
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string} serverId
 */
export function completeServer(ctx, server, serverId) {
  if (done.has(server)) return server;
  server.serverId = serverId;
  server.createTime ??= 0;
  server.updateTime ??= server.createTime;
  server.inviteMode ??= 0;
  server.applyMode ??= 0;
  server.members ??= {};
  server.invites ??= {};
  server.applies ??= {};
  server.roles ??= {};
  server.records ??= [];
  if (server.owner !== undefined && !own(server.members, server.owner)) put(server.members, server.owner, /** @type {Member} */ ({}));
  for (const [accid, m] of Object.entries(server.members)) {
    m.accid = accid;
    m.joinTime ??= server.createTime;
    m.createTime ??= m.joinTime;
    m.updateTime ??= m.createTime;
  }
  for (const [roleId, role] of Object.entries(server.roles)) {
    role.roleId = roleId;
    role.type ??= 2;
    role.priority ??= role.type === 1 ? 0 : 1;
    role.auths = { ...(role.type === 1 ? everyoneAuths() : customRoleAuths()), ...role.auths };
    role.members ??= {};
    for (const accid of Object.keys(role.members)) if (!own(server.members, accid)) delete role.members[accid];
    role.createtime ??= server.createTime;
    role.updatetime ??= role.createtime;
  }
  let everyone = Object.values(server.roles).find((r) => r.type === 1);
  if (!everyone) {
    const roleId = String(ctx.nextId());
    everyone = /** @type {Role} */ ({ roleId, name: 'everyone', type: 1, priority: 0, auths: everyoneAuths(), members: {} });
    everyone.createtime = everyone.updatetime = server.createTime;
    server.roles[roleId] = everyone;
  }
  server.everyoneRoleId = everyone.roleId;
  done.add(server);
  return server;
}

/**
 * A channel of a loaded state, completed (once).
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {Channel} channel
 * @param {string} channelId
 */
export function completeChannel(ctx, server, channel, channelId) {
  if (done.has(channel)) return channel;
  channel.channelId = channelId;
  channel.serverId = server.serverId;
  channel.type ??= 0;
  channel.viewMode ??= 0;
  channel.owner ??= server.owner;
  channel.createTime ??= 0;
  channel.updateTime ??= channel.createTime;
  channel.messages ??= [];
  for (const m of channel.messages) {
    m.msgIdServer = String(m.msgIdServer);
    m.status ??= 0;
    m.updateTime ??= m.time;
  }
  channel.everyoneChannelRoleId = completeScope(ctx, server, channel);
  done.add(channel);
  return channel;
}

/**
 * A channel category (频道分组) of a fixture: the spec describes no call that creates one, so categories come from
 * a loaded state (`qchat.categories["<id>"]: { serverId, name, ... }`). Like a channel it has roles, per-user
 * permissions and white/black lists.
 * @param {AppContext} ctx @param {Server} server @param {Category} category @param {string} categoryId
 */
export function completeCategory(ctx, server, category, categoryId) {
  if (done.has(category)) return category;
  category.categoryId = categoryId;
  category.serverId = server.serverId;
  category.viewMode ??= 0;
  category.owner ??= server.owner;
  category.createTime ??= 0;
  category.updateTime ??= category.createTime;
  category.everyoneCategoryRoleId = completeScope(ctx, server, category);
  done.add(category);
  return category;
}

/**
 * The roles, per-user permissions and white/black lists a channel and a category both have: filled in, cleared of
 * what names a role or an account the server no longer has, and led by the everyone role's entry (its id returned).
 * @param {AppContext} ctx @param {Server} server @param {Scope} scope
 */
function completeScope(ctx, server, scope) {
  scope.roles ??= {};
  scope.users ??= {};
  scope.lists ??= /** @type {Scope['lists']} */ ({});
  for (const name of /** @type {const} */ (['white', 'black'])) {
    scope.lists[name] ??= /** @type {import('./types.js').AccessList} */ ({});
    scope.lists[name].roles ??= {};
    scope.lists[name].users ??= {};
  }
  // What names a role or an account the server no longer has is dropped, as removing them would have done.
  const isRole = (/** @type {unknown} */ roleId) => own(server.roles, String(roleId)) !== undefined;
  const isMember = (/** @type {string} */ accid) => own(server.members, accid) !== undefined;
  for (const list of [scope.lists.white, scope.lists.black]) {
    for (const roleId of Object.keys(list.roles)) if (!isRole(roleId)) delete list.roles[roleId];
    for (const accid of Object.keys(list.users)) if (!isMember(accid)) delete list.users[accid];
  }
  for (const accid of Object.keys(scope.users)) if (!isMember(accid)) delete scope.users[accid];
  for (const [roleId, cr] of Object.entries(scope.roles)) {
    if (!isRole(cr.serverRoleId)) {
      delete scope.roles[roleId];
      continue;
    }
    cr.serverRoleId = String(cr.serverRoleId);
    cr.roleId = roleId;
    cr.auths = { ...inheritAuths(), ...cr.auths };
    cr.createtime ??= scope.createTime;
    cr.updatetime ??= cr.createtime;
  }
  for (const [accid, ui] of Object.entries(scope.users)) {
    ui.accid = accid;
    ui.auths = { ...inheritAuths(), ...ui.auths };
    ui.createtime ??= scope.createTime;
    ui.updatetime ??= ui.createtime;
  }
  let everyone = Object.values(scope.roles).find((cr) => cr.serverRoleId === server.everyoneRoleId);
  if (!everyone) {
    const roleId = String(ctx.nextId());
    everyone = /** @type {ScopeRole} */ ({ roleId, serverRoleId: server.everyoneRoleId, auths: inheritAuths() });
    everyone.createtime = everyone.updatetime = scope.createTime;
    scope.roles[roleId] = everyone;
  }
  return everyone.roleId;
}
