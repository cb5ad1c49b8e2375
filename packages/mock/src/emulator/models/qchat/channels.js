// QChat channels (频道): create, read, update, remove, the channel list of a server and who can use a channel.
import { AUTH, canAccess, inheritAuths, requireAuth } from './auths.js';
import {
  assignSent,
  channelById,
  channelInfo,
  channelsOf,
  idField,
  idKey,
  listField,
  memberInfo,
  noteChannel,
  pageByTime,
  qchatOf,
  requireChannel,
  requireMember,
  requireServer,
  tick,
} from './store.js';

/** @returns {import('./types.js').AccessList} */
const emptyList = () => ({ roles: {}, users: {} });

/**
 * A channel's server and the channel, both required to exist (404).
 * @param {import('./types.js').AppContext} ctx @param {import('./types.js').EmuRequest} req
 */
export function requireServerChannel(ctx, req) {
  const server = requireServer(ctx, idField(req, 'serverId'));
  return { server, channel: requireChannel(ctx, idField(req, 'channelId'), server.serverId) };
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatCreateChannel(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const owner = req.string('accid');
    requireAuth(ctx, server, owner, AUTH.manageChannel);
    const time = tick(ctx);
    const channelId = String(ctx.nextId());
    // Every channel starts with the channel role of the everyone role, first on getChannelIdentifyPages' first page.
    const everyoneChannelRoleId = String(ctx.nextId());
    const channel = {
      channelId,
      serverId: server.serverId,
      name: req.string('name'),
      topic: req.string('topic'),
      custom: req.string('custom'),
      type: req.int('type'),
      owner,
      viewMode: req.int('viewMode') ?? 0,
      createTime: time,
      updateTime: time,
      everyoneChannelRoleId,
      roles: {
        [everyoneChannelRoleId]: {
          roleId: everyoneChannelRoleId,
          serverRoleId: server.everyoneRoleId,
          auths: inheritAuths(),
          createtime: time,
          updatetime: time,
        },
      },
      users: {},
      lists: { white: emptyList(), black: emptyList() },
      messages: [],
    };
    qchatOf(ctx).channels[channelId] = channel;
    noteChannel(ctx, server.serverId, channelId, true);
    return { code: 200, channelInfo: channelInfo(channel) };
  },

  qchatRemoveChannel(ctx, req) {
    const q = qchatOf(ctx);
    const channel = requireChannel(ctx, idField(req, 'channelId'));
    const server = requireServer(ctx, channel.serverId);
    requireAuth(ctx, server, req.string('accid'), AUTH.manageChannel, channel);
    for (const [id, n] of Object.entries(q.notifications)) if (n.channelId === channel.channelId) delete q.notifications[id];
    delete q.channels[channel.channelId];
    noteChannel(ctx, channel.serverId, channel.channelId, false);
    return { code: 200 };
  },

  qchatUpdateChannel(ctx, req) {
    const channel = requireChannel(ctx, idField(req, 'channelId'));
    const server = requireServer(ctx, channel.serverId);
    requireAuth(ctx, server, req.string('accid'), AUTH.manageChannel, channel);
    assignSent(req, channel, ['name', 'topic', 'custom']);
    assignSent(req, channel, ['viewMode'], (n) => req.int(n));
    channel.updateTime = tick(ctx);
    return { code: 200, channelInfo: channelInfo(channel) };
  },

  qchatGetChannels(ctx, req) {
    const ids = [...new Set(listField(req, 'channelIds').map(idKey))];
    return { code: 200, channelInfos: ids.map((id) => channelById(ctx, id)).filter((c) => c !== undefined).map(channelInfo) };
  },

  qchatGetChannelListPage(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    let rows = channelsOf(ctx, server.serverId);
    if (req.fields.has('accid')) {
      const accid = req.string('accid');
      requireMember(ctx, server, accid);
      rows = rows.filter((c) => canAccess(server, c, accid));
    }
    const { page, pageInfo } = pageByTime(rows, (c) => c.createTime, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, channelInfos: page.map(channelInfo) };
  },

  qchatGetChannelMemberListPage(ctx, req) {
    const { server, channel } = requireServerChannel(ctx, req);
    if (req.fields.has('accid')) requireMember(ctx, server, req.string('accid'));
    const rows = Object.values(server.members).filter((m) => canAccess(server, channel, m.accid));
    const { page, pageInfo } = pageByTime(rows, (m) => m.joinTime, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, members: page.map((m) => memberInfo(server, m)) };
  },
};
