// QChat state: its shape, the app's QChat clock, lookups that refuse like the vendor, paging, and the wire records.
// Servers and channels sit in flat maps keyed by id, because several calls name a channel by its id alone; what
// belongs to a server (members, invitations, applications, roles) or to a channel (channel roles, user
// permissions, access lists, messages) is nested inside it, so removing the parent removes everything under it.
// Channel categories (from a loaded state) sit in their own flat map; a server keeps its invite/apply records.

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').QChatState} QChatState
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Member} Member
 * @typedef {import('./types.js').Role} Role
 * @typedef {import('./types.js').Channel} Channel
 * @typedef {import('./types.js').Category} Category
 */

import { completeCategory, completeChannel, completeServer, completeState } from './fixtures.js';
import { own, put } from '../../own-entries.js';

/**
 * Bounds the vendor enforces but does not state on these pages; the mock's values (ADR 0029), answered with 419
 * (数量超过上限) when exceeded.
 */
export const LIMITS = Object.freeze({
  joinedServersPerAccount: 1000, // an account in more servers than this is skipped by invitations (`failAccid`)
  customRolesPerServer: 200, // the page size of getServerIdentifyPages
  accessListEntries: 1000, // roles or accounts on one white or black list of a channel
});

/** The group's empty state. @returns {QChatState} */
export function initialState() {
  return { servers: {}, channels: {}, notifications: {}, categories: {}, lastTime: 0 };
}

/**
 * The time of a QChat write: the mock's clock, but strictly increasing per app. The vendor pages every list by a
 * time anchor (`timetag`), so two records with the same time could never be paged apart; under a frozen clock
 * (`--clock`) each write therefore advances 1 ms.
 * @param {AppContext} ctx
 */
export function tick(ctx) {
  const q = qchatOf(ctx);
  q.lastTime = Math.max(/** @type {number} */ (ctx.now()), q.lastTime + 1);
  return q.lastTime;
}

/**
 * A form id field as the decimal-string key of state, or undefined when absent.
 * @param {EmuRequest} req
 * @param {string} name
 */
export function idField(req, name) {
  const value = req.bigint(name);
  return value === undefined ? undefined : String(value);
}

/**
 * A decimal id from a JSON array item ("123", 123 or 123n) as a state key, or undefined when it is no id.
 * @param {unknown} value
 */
export function idKey(value) {
  const text = String(value).trim();
  return /^\d+$/.test(text) ? String(BigInt(text)) : undefined;
}

/**
 * A JSON array field's items (the handler already knows Prism checked its type), or [] when absent.
 * @param {EmuRequest} req
 * @param {string} name
 * @returns {unknown[]}
 */
export function listField(req, name) {
  const value = req.json(name);
  return Array.isArray(value) ? value : [];
}

/** The group's state, its top-level maps filled in when a loaded state left them out. */
export const qchatOf = (/** @type {AppContext} */ ctx) => completeState(ctx.state.qchat);

/**
 * The server `serverId`, or undefined.
 * @param {AppContext} ctx
 * @param {string | undefined} serverId
 * @returns {Server | undefined}
 */
export function serverById(ctx, serverId) {
  const server = serverId === undefined ? undefined : own(qchatOf(ctx).servers, serverId);
  return server && completeServer(ctx, server, /** @type {string} */ (serverId));
}

/**
 * The channel `channelId` of a server that exists, or undefined.
 * @param {AppContext} ctx
 * @param {string | undefined} channelId
 * @returns {Channel | undefined}
 */
export function channelById(ctx, channelId) {
  const channel = channelId === undefined ? undefined : own(qchatOf(ctx).channels, channelId);
  const server = channel && serverById(ctx, String(channel.serverId));
  return server && completeChannel(ctx, server, channel, /** @type {string} */ (channelId));
}

/**
 * The channel category `categoryId` of a server that exists, or undefined.
 * @param {AppContext} ctx
 * @param {string | undefined} categoryId
 * @returns {Category | undefined}
 */
export function categoryById(ctx, categoryId) {
  const category = categoryId === undefined ? undefined : own(qchatOf(ctx).categories, categoryId);
  const server = category && serverById(ctx, String(category.serverId));
  return server && completeCategory(ctx, server, category, /** @type {string} */ (categoryId));
}

/**
 * The categories of server `serverId` (categories come from a loaded state only: ADR 0046).
 * @param {AppContext} ctx
 * @param {string} serverId
 */
export function categoriesOf(ctx, serverId) {
  return Object.keys(qchatOf(ctx).categories)
    .map((id) => categoryById(ctx, id))
    .filter(/** @returns {c is Category} */ (c) => c !== undefined && c.serverId === serverId);
}

/**
 * The category `categoryId` of server `serverId`, or 404.
 * @param {AppContext} ctx
 * @param {string | undefined} categoryId
 * @param {string} serverId
 */
export function requireCategory(ctx, categoryId, serverId) {
  const category = categoryById(ctx, categoryId);
  if (!category || category.serverId !== serverId) ctx.fail(404, `channel category ${categoryId} does not exist in server ${serverId}`);
  return /** @type {Category} */ (category);
}

/** The server, or 404. @param {AppContext} ctx @param {string | undefined} serverId */
export function requireServer(ctx, serverId) {
  const server = serverById(ctx, serverId);
  if (!server) ctx.fail(404, `server ${serverId} does not exist`);
  return /** @type {Server} */ (server);
}

/**
 * The channel; with `serverId`, a channel of another server is refused as missing (404) too.
 * @param {AppContext} ctx
 * @param {string | undefined} channelId
 * @param {string} [serverId]
 */
export function requireChannel(ctx, channelId, serverId) {
  const channel = channelById(ctx, channelId);
  if (!channel || (serverId !== undefined && channel.serverId !== serverId)) {
    ctx.fail(404, `channel ${channelId} does not exist${serverId === undefined ? '' : ` in server ${serverId}`}`);
  }
  return /** @type {Channel} */ (channel);
}

/**
 * The operator's membership; someone outside the server has no right to act in it (403).
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string | undefined} accid
 * @param {string} [field]
 */
export function requireMember(ctx, server, accid, field = 'accid') {
  ctx.requireAccount(accid, field);
  const member = own(server.members, accid);
  if (!member) ctx.fail(403, `${accid} is not a member of server ${server.serverId}`);
  return /** @type {Member} */ (member);
}

/**
 * The server role `roleId` (custom or everyone), or 404.
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string | undefined} roleId
 */
export function requireRole(ctx, server, roleId) {
  const role = roleId === undefined ? undefined : server.roles[roleId];
  if (!role) ctx.fail(404, `role ${roleId} does not exist in server ${server.serverId}`);
  return /** @type {Role} */ (role);
}

/**
 * A membership record as state keeps it.
 * @param {string} accid
 * @param {number} time
 * @param {string | undefined} inviter
 * @returns {Member}
 */
export function newMember(accid, time, inviter) {
  return { accid, joinTime: time, inviter, createTime: time, updateTime: time };
}

// Derived indexes kept beside the state (not in it): which servers each account belongs to, which channels each
// server has. Enumerating every server or channel of a large app per call was the slowest part of the model. Each is
// built on first use for its state map (a loaded state brings new maps), then kept up to date by noteJoined and
// noteChannel at every change.
/** @type {WeakMap<object, Map<string, Set<string>>>} */
const indexes = new WeakMap();

/** @param {object} map @param {(index: Map<string, Set<string>>) => void} build */
function indexOf(map, build) {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    build(index);
    indexes.set(map, index);
  }
  return index;
}

/** @param {Map<string, Set<string>>} index @param {string} key @param {string} id */
function addTo(index, key, id) {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

/** @param {Map<string, Set<string>>} index @param {string} key @param {string} id @param {boolean} present */
function note(index, key, id, present) {
  if (present) addTo(index, key, id);
  else index.get(key)?.delete(id);
}

const joinedIndex = (/** @type {AppContext} */ ctx) =>
  indexOf(qchatOf(ctx).servers, (index) => {
    for (const [id, s] of Object.entries(qchatOf(ctx).servers)) {
      for (const accid of Object.keys(s.members ?? {})) addTo(index, accid, id);
      if (s.owner !== undefined) addTo(index, s.owner, id); // a fixture's owner is a member once completed
    }
  });

const channelIndex = (/** @type {AppContext} */ ctx) =>
  indexOf(qchatOf(ctx).channels, (index) => {
    for (const [id, c] of Object.entries(qchatOf(ctx).channels)) addTo(index, String(c.serverId), id);
  });

/**
 * Records that `accid` joined (true) or left (false) server `serverId`.
 * @param {AppContext} ctx
 * @param {string} accid
 * @param {string} serverId
 * @param {boolean} joined
 */
export const noteJoined = (ctx, accid, serverId, joined) => note(joinedIndex(ctx), accid, serverId, joined);

/**
 * Records that channel `channelId` of server `serverId` was created (true) or removed (false).
 * @param {AppContext} ctx
 * @param {string} serverId
 * @param {string} channelId
 * @param {boolean} exists
 */
export const noteChannel = (ctx, serverId, channelId, exists) => note(channelIndex(ctx), serverId, channelId, exists);

/** How many servers `accid` belongs to. @param {AppContext} ctx @param {string} accid */
export const joinedCount = (ctx, accid) => joinedIndex(ctx).get(accid)?.size ?? 0;

/** The servers `accid` belongs to. @param {AppContext} ctx @param {string} accid */
export function joinedServers(ctx, accid) {
  const ids = joinedIndex(ctx).get(accid) ?? [];
  /** @type {(s: Server | undefined) => s is Server} */
  const isMember = (s) => s !== undefined && own(s.members, accid) !== undefined;
  return [...ids].map((id) => serverById(ctx, id)).filter(isMember);
}

/**
 * Refuses (419) an account that already belongs to as many servers as an account may.
 * @param {AppContext} ctx
 * @param {string} accid
 */
export function requireRoomForServer(ctx, accid) {
  if (joinedCount(ctx, accid) >= LIMITS.joinedServersPerAccount) {
    ctx.fail(419, `${accid} already belongs to ${LIMITS.joinedServersPerAccount} servers`);
  }
}

/** The channels of server `serverId`. @param {AppContext} ctx @param {string} serverId */
export function channelsOf(ctx, serverId) {
  const ids = channelIndex(ctx).get(serverId) ?? [];
  /** @type {(c: Channel | undefined) => c is Channel} */
  const isOfServer = (c) => c !== undefined && c.serverId === serverId;
  return [...ids].map((id) => channelById(ctx, id)).filter(isOfServer);
}

/**
 * One page of `rows`, newest first by `time(row)`: rows strictly older than `timetag` (0 or absent = from the
 * newest), at most `limit`. `hasMore` says whether older rows remain; `nextTimetag` is the last row's time.
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => number} time
 * @param {number | undefined} timetag
 * @param {number | undefined} limit
 */
export function pageByTime(rows, time, timetag, limit) {
  /** @type {[number, T][]} */
  const keyed = []; // [time, row]: each row's time read once, not in every comparison of the sort
  for (const row of rows) {
    const t = time(row);
    if (!(/** @type {number} */ (timetag) > 0) || t < /** @type {number} */ (timetag)) keyed.push([t, row]);
  }
  keyed.sort((a, b) => b[0] - a[0]);
  const page = keyed.slice(0, Math.max(0, /** @type {number} */ (limit)));
  const nextTimetag = page.at(-1)?.[0] ?? 0;
  return { page: page.map(([, row]) => row), pageInfo: { hasMore: keyed.length > page.length, nextTimetag } };
}

export { own, put };

/** A copy of `obj` without its undefined values: fields never set are left out of an answer.
 * @param {Record<string, any>} obj
 * @returns {Record<string, any>}
 */
export function compact(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** Copies the fields present in the form into `record` (a field left out keeps its value).
 * @param {EmuRequest} req
 * @param {Record<string, any>} record
 * @param {string[]} names
 * @param {(name: string) => unknown} [read]
 */
export function assignSent(req, record, names, read = (n) => req.string(n)) {
  let changed = false;
  for (const name of names) {
    if (!req.fields.has(name)) continue;
    record[name] = read(name);
    changed = true;
  }
  return changed;
}

// ---- wire records (vendor-doc form: ids as BigInt, times as Unix ms) ----

/** @param {AppContext} ctx @param {Server} s */
export function serverInfo(ctx, s) {
  return compact({
    serverId: BigInt(s.serverId),
    name: s.name,
    icon: s.icon,
    custom: s.custom,
    owner: s.owner,
    memberNumber: Object.keys(s.members).length,
    inviteMode: s.inviteMode,
    applyMode: s.applyMode,
    channelNumber: channelsOf(ctx, s.serverId).length,
    validFlag: 1,
    createTime: s.createTime,
    updateTime: s.updateTime,
  });
}

/** @param {Server} server @param {Member} m */
export function memberInfo(server, m) {
  return compact({
    serverId: BigInt(server.serverId),
    accid: m.accid,
    nick: m.nick,
    avatar: m.avatar,
    custom: m.custom,
    type: m.accid === server.owner ? 1 : 0,
    joinTime: m.joinTime,
    inviter: m.inviter,
    validFlag: 1,
    createTime: m.createTime,
    updateTime: m.updateTime,
  });
}

/** @param {AppContext} ctx @param {Category} c */
export function categoryInfo(ctx, c) {
  return compact({
    categoryId: BigInt(c.categoryId),
    serverId: BigInt(c.serverId),
    name: c.name,
    custom: c.custom,
    owner: c.owner,
    viewMode: c.viewMode,
    channelNumber: channelsOf(ctx, c.serverId).filter((ch) => String(ch.categoryId) === c.categoryId).length,
    validFlag: 1,
    createTime: c.createTime,
    updateTime: c.updateTime,
    reorderweight: c.reorderweight,
  });
}

/** @param {Channel} c */
export function channelInfo(c) {
  return compact({
    channelId: BigInt(c.channelId),
    serverId: BigInt(c.serverId),
    name: c.name,
    topic: c.topic,
    custom: c.custom,
    type: c.type,
    owner: c.owner,
    viewMode: c.viewMode,
    validFlag: 1,
    createTime: c.createTime,
    updateTime: c.updateTime,
  });
}
