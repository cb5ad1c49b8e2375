// QChat server members (服务器成员): invitations, applications, kick, leave, profiles and member lists. Each
// invitation, application and answer leaves a record (records.js).
import { AUTH, requireAuth } from './auths.js';
import { OUTCOME, RECORD, addRecord, settleRecords } from './records.js';
import {
  LIMITS,
  assignSent,
  categoriesOf,
  channelsOf,
  compact,
  joinedCount,
  idField,
  idKey,
  listField,
  memberInfo,
  newMember,
  noteJoined,
  own,
  pageByTime,
  put,
  requireMember,
  requireRoomForServer,
  requireServer,
  serverById,
  tick,
} from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').Server} Server
 */

/**
 * `accid` joins: its pending invitations and application are settled as accepted through this one (records).
 * @param {AppContext} ctx @param {Server} server @param {string} accid @param {string | undefined} inviter
 */
function join(ctx, server, accid, inviter) {
  const time = tick(ctx);
  put(server.members, accid, newMember(accid, time, inviter));
  noteJoined(ctx, accid, server.serverId, true);
  delete server.invites[accid];
  delete server.applies[accid];
  settleRecords(ctx, server, accid, () => false, OUTCOME.accepted);
}

/**
 * Answers `accid`'s pending invitation from `inviter`, and records the answer (INVITE_ACK).
 * @param {AppContext} ctx @param {Server} server @param {string} accid @param {string} inviter
 * @param {number} status @param {string} [msg]
 */
function answerInvite(ctx, server, accid, inviter, status, msg) {
  const [invite] = settleRecords(ctx, server, accid, (r) => r.type === RECORD.invite && r.data?.inviteAccid === inviter, status);
  addRecord(ctx, server, { type: RECORD.inviteAck, accid, status, requestId: invite?.requestId, data: compact({ inviteAccid: inviter, updateMsg: msg }) });
}

/**
 * Answers `applicant`'s pending application: `operator` accepted or declined it.
 * @param {AppContext} ctx @param {Server} server @param {string} applicant @param {string} operator
 * @param {number} status @param {string} [msg]
 */
const answerApply = (ctx, server, applicant, operator, status, msg) =>
  settleRecords(ctx, server, applicant, (r) => r.type === RECORD.apply, status, compact({ updateAccid: operator, updateMsg: msg }));

/**
 * Removes `accid` from the server and from everything in it that names a member.
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string} accid
 */
function removeMember(ctx, server, accid) {
  delete server.members[accid];
  noteJoined(ctx, accid, server.serverId, false);
  for (const role of Object.values(server.roles)) delete role.members[accid];
  for (const scope of [...channelsOf(ctx, server.serverId), ...categoriesOf(ctx, server.serverId)]) {
    delete scope.users[accid];
    delete scope.lists.white.users[accid];
    delete scope.lists.black.users[accid];
  }
}

/**
 * Whether `inviter` invited `accid` and the invitation is still pending.
 * @param {Server} server
 * @param {string} accid
 * @param {string} inviter
 */
const isInvited = (server, accid, inviter) => own(own(server.invites, accid) ?? {}, inviter) !== undefined;

/**
 * Refuses (417) an account that is already a member.
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string} accid
 */
function refuseMember(ctx, server, accid) {
  if (own(server.members, accid)) ctx.fail(417, `${accid} is already a member of server ${server.serverId}`);
}

/**
 * The membership of another account named in the request (404 when it is not a member).
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string | undefined} accid
 */
export function requireOtherMember(ctx, server, accid) {
  const member = own(server.members, accid);
  if (!member) ctx.fail(404, `${accid} is not a member of server ${server.serverId}`);
  return /** @type {import('./types.js').Member} */ (member);
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatInviteServerMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const inviter = req.string('accid');
    requireAuth(ctx, server, inviter, AUTH.invite);
    const invited = [...new Set(listField(req, 'invitedAccids').map(String))];
    for (const accid of invited) ctx.requireAccount(accid, 'invitedAccids');
    const outsiders = invited.filter((accid) => !own(server.members, accid));
    if (!outsiders.length) ctx.fail(417, `every invited account is already a member of server ${server.serverId}`);
    const full = [];
    const data = compact({ inviteAccid: inviter, inviteMsg: req.string('msg') });
    for (const accid of outsiders) {
      if (joinedCount(ctx, accid) >= LIMITS.joinedServersPerAccount) {
        full.push(accid);
      } else if (server.inviteMode === 1) {
        join(ctx, server, accid, inviter);
        addRecord(ctx, server, { type: RECORD.invite, accid, status: OUTCOME.joined, data });
      } else {
        put(server.invites, accid, { ...own(server.invites, accid), [inviter]: tick(ctx) });
        addRecord(ctx, server, { type: RECORD.invite, accid, status: OUTCOME.pending, data });
      }
    }
    /** @type {Record<string, any>} */
    const body = { code: 200 };
    if (full.length) body.failAccid = { accid: full, msg: 'these accounts have joined the maximum number of servers' };
    return body;
  },

  qchatAcceptServerInvite(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    const inviter = req.string('inviteAccid');
    ctx.requireAccount(accid, 'accid');
    refuseMember(ctx, server, accid);
    if (!isInvited(server, accid, inviter)) ctx.fail(404, `${inviter} has not invited ${accid}`);
    requireRoomForServer(ctx, accid);
    answerInvite(ctx, server, accid, inviter, OUTCOME.accepted);
    join(ctx, server, accid, inviter);
    return { code: 200 };
  },

  qchatRejectServerInvite(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    const inviter = req.string('inviteAccid');
    ctx.requireAccount(accid, 'accid');
    if (!isInvited(server, accid, inviter)) ctx.fail(404, `${inviter} has not invited ${accid}`);
    const invites = /** @type {Record<string, number>} */ (own(server.invites, accid)); // isInvited: it is there
    delete invites[inviter];
    if (!Object.keys(invites).length) delete server.invites[accid];
    answerInvite(ctx, server, accid, inviter, OUTCOME.declined, req.string('msg'));
    return { code: 200 };
  },

  qchatApplyServer(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    refuseMember(ctx, server, accid);
    if (own(server.applies, accid) !== undefined) ctx.fail(417, `${accid} has already applied to server ${server.serverId}`);
    requireRoomForServer(ctx, accid);
    const pending = server.applyMode === 1;
    if (pending) put(server.applies, accid, tick(ctx));
    else join(ctx, server, accid, undefined);
    const data = compact({ applyMsg: req.string('msg') });
    addRecord(ctx, server, { type: RECORD.apply, accid, status: pending ? OUTCOME.pending : OUTCOME.joined, data });
    return { code: 200 };
  },

  qchatAcceptServerApply(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const operator = req.string('accid');
    requireAuth(ctx, server, operator, AUTH.invite);
    const applicant = req.string('applyAccid');
    refuseMember(ctx, server, applicant);
    if (own(server.applies, applicant) === undefined) ctx.fail(404, `${applicant} has not applied to server ${server.serverId}`);
    requireRoomForServer(ctx, applicant);
    answerApply(ctx, server, applicant, operator, OUTCOME.accepted);
    join(ctx, server, applicant, operator);
    return { code: 200 };
  },

  qchatRejectServerApply(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.invite);
    const applicant = req.string('applyAccid');
    if (own(server.applies, applicant) === undefined) ctx.fail(404, `${applicant} has not applied to server ${server.serverId}`);
    delete server.applies[applicant];
    answerApply(ctx, server, applicant, req.string('accid'), OUTCOME.declined, req.string('msg'));
    return { code: 200 };
  },

  qchatKickServerMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const operator = req.string('accid');
    requireAuth(ctx, server, operator, AUTH.kick);
    const kicked = [...new Set(listField(req, 'kickedAccids').map(String))];
    if (kicked.includes(server.owner)) ctx.fail(403, `the owner of server ${server.serverId} cannot be kicked`);
    if (kicked.includes(operator)) ctx.fail(403, `${operator} cannot kick itself; it may leave the server`);
    const members = kicked.filter((accid) => own(server.members, accid));
    if (!members.length) ctx.fail(404, `none of the kicked accounts is a member of server ${server.serverId}`);
    for (const accid of members) removeMember(ctx, server, accid);
    return { code: 200 };
  },

  qchatLeaveServer(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const accid = req.string('accid');
    requireMember(ctx, server, accid);
    if (accid === server.owner) ctx.fail(403, `the owner cannot leave server ${server.serverId}; it may remove it`);
    removeMember(ctx, server, accid);
    return { code: 200 };
  },

  qchatUpdateServerMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const member = requireAuth(ctx, server, req.string('accid'), AUTH.updateOwnMember);
    assignSent(req, member, ['nick', 'avatar', 'custom']);
    member.updateTime = tick(ctx);
    return { code: 200, serverMember: memberInfo(server, member) };
  },

  qchatUpdateOtherServerMember(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    requireAuth(ctx, server, req.string('accid'), AUTH.updateOtherMember);
    const member = requireOtherMember(ctx, server, req.string('otherAccid'));
    assignSent(req, member, ['nick', 'avatar']);
    member.updateTime = tick(ctx);
    return { code: 200, serverMember: memberInfo(server, member) };
  },

  qchatGetServerMembers(ctx, req) {
    const serverMembers = [];
    const seen = new Set();
    for (const item of listField(req, 'serverIdAccids')) {
      const text = String(item);
      const bar = text.indexOf('|');
      const server = serverById(ctx, idKey(text.slice(0, bar)));
      const member = server && bar > 0 ? own(server.members, text.slice(bar + 1)) : undefined;
      if (!server || !member || seen.has(
`${server.serverId}|${member.accid}`)) continue;
      seen.add(`${server.serverId}|${member.accid}`);
      serverMembers.push(memberInfo(server, member));
    }
    return { code: 200, serverMembers };
  },

  qchatGetServerMemberListPage(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    if (req.fields.has('accid')) requireMember(ctx, server, req.string('accid'));
    const rows = Object.values(server.members);
    const { page, pageInfo } = pageByTime(rows, (m) => m.joinTime, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, serverMembers: page.map((m) => memberInfo(server, m)) };
  },
};
