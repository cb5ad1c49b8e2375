// QChat servers (服务器): create, read, update, remove, the servers an account joined, and the link addresses.
import { AUTH, everyoneAuths, requireAuth } from './auths.js';
import {
  assignSent,
  categoriesOf,
  channelsOf,
  idField,
  idKey,
  joinedServers,
  listField,
  newMember,
  noteChannel,
  noteJoined,
  own,
  pageByTime,
  qchatOf,
  requireMember,
  requireRoomForServer,
  requireServer,
  serverById,
  serverInfo,
  tick,
} from './store.js';

/**
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Member} Member
 */

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatCreateServer(ctx, req) {
    const owner = req.string('accid');
    ctx.requireAccount(owner, 'accid');
    requireRoomForServer(ctx, owner);
    const time = tick(ctx);
    const serverId = String(ctx.nextId());
    const everyoneId = String(ctx.nextId());
    const server = {
      serverId,
      name: req.string('name'),
      icon: req.string('icon'),
      custom: req.string('custom'),
      owner,
      inviteMode: req.int('inviteMode') ?? 0,
      applyMode: req.int('applyMode') ?? 0,
      createTime: time,
      updateTime: time,
      members: { [owner]: newMember(owner, time, undefined) },
      invites: {},
      applies: {},
      records: [],
      everyoneRoleId: everyoneId,
      roles: {
        [everyoneId]: {
          roleId: everyoneId,
          name: 'everyone',
          type: 1,
          priority: 0,
          auths: everyoneAuths(),
          members: {},
          createtime: time,
          updatetime: time,
        },
      },
    };
    qchatOf(ctx).servers[serverId] = server;
    noteJoined(ctx, owner, serverId, true);
    return { code: 200, serverInfo: serverInfo(ctx, server) };
  },

  qchatRemoveServer(ctx, req) {
    const q = qchatOf(ctx);
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    requireMember(ctx, server, accid);
    if (accid !== server.owner) ctx.fail(403, `only the owner may remove server ${server.serverId}`);
    for (const channel of channelsOf(ctx, server.serverId)) {
      delete q.channels[channel.channelId];
      noteChannel(ctx, server.serverId, channel.channelId, false);
    }
    for (const [id, n] of Object.entries(q.notifications)) if (n.serverId === server.serverId) delete q.notifications[id];
    for (const category of categoriesOf(ctx, server.serverId)) delete q.categories[category.categoryId];
    for (const accid of Object.keys(server.members)) noteJoined(ctx, accid, server.serverId, false);
    delete q.servers[server.serverId];
    return { code: 200 };
  },

  qchatUpdateServer(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.manageServer);
    assignSent(req, server, ['name', 'icon', 'custom']);
    assignSent(req, server, ['inviteMode', 'applyMode'], (n) => req.int(n));
    server.updateTime = tick(ctx);
    return { code: 200, serverInfo: serverInfo(ctx, server) };
  },

  qchatGetServers(ctx, req) {
    const ids = [...new Set(listField(req, 'serverIds').map(idKey))];
    const serverInfos = ids.map((id) => serverById(ctx, id)).filter((s) => s !== undefined).map((s) => serverInfo(ctx, s));
    return { code: 200, serverInfos };
  },

  qchatGetServerListPage(ctx, req) {
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    const joined = joinedServers(ctx, accid);
    // joinedServers keeps only the servers `accid` is a member of.
    const joinTime = (/** @type {Server} */ s) => /** @type {Member} */ (own(s.members, accid)).joinTime;
    const { page, pageInfo } = pageByTime(joined, joinTime, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, serverInfos: page.map((s) => serverInfo(ctx, s)) };
  },

  /** The mock runs no QChat link server: it answers loopback addresses in the vendor's `host:port` form. */
  qchatRequestAddr(ctx, req) {
    ctx.requireAccount(req.string('accid'), 'accid');
    return { code: 200, data: req.int('type') === 1 ? ['127.0.0.1:8443'] : ['127.0.0.1:8080'] };
  },
};
