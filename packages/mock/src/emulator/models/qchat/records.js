// QChat application and invitation records (申请和邀请记录): every invitation, application and answer (members.js)
// leaves a record in its server, read back by server or by account in a time range.
import { AUTH, requireAuth } from './auths.js';
import { compact, idField, qchatOf, requireServer, serverById, tick } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').InviteApplyRecord} InviteApplyRecord
 * @typedef {{ serverId: string, r: InviteApplyRecord }} Row  a record with the server it belongs to
 */

/** Record types: an application, an invitation, the answer to an invitation. */
export const RECORD = Object.freeze({ apply: 1, invite: 2, inviteAck: 3 });
/** Record statuses: pending, accepted, declined, accepted through another request, joined at once (no answer needed). */
export const OUTCOME = Object.freeze({ pending: 0, accepted: 1, declined: 2, acceptedElsewhere: 3, joined: 5 });

/**
 * Appends a record about `accid` to the server's history; `requestId` names the request it answers (default: itself).
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {{ type: number, accid: string, status: number, data?: Record<string, any>, requestId?: string }} record
 */
export function addRecord(ctx, server, { type, accid, status, data, requestId }) {
  const time = tick(ctx);
  const recordId = String(ctx.nextId());
  const fields = { recordId, requestId: requestId ?? recordId, type, accid, status, data, createTime: time, updateTime: time };
  const record = /** @type {InviteApplyRecord} */ (compact(fields));
  server.records.push(record);
  return record;
}

/**
 * Gives `accid`'s pending requests their outcome: those `answered` picks take `status` (and `data`); when the account
 * joined (accepted), its other pending requests are settled as accepted through another one (3). Returns the
 * answered records.
 * @param {AppContext} ctx
 * @param {Server} server
 * @param {string} accid
 * @param {(r: InviteApplyRecord) => boolean} answered
 * @param {number} status
 * @param {Record<string, any>} [data]
 */
export function settleRecords(ctx, server, accid, answered, status, data = {}) {
  const time = tick(ctx);
  const hit = [];
  for (const r of server.records) {
    if (r.accid !== accid || r.status !== OUTCOME.pending) continue;
    if (answered(r)) {
      Object.assign(r, { status, data: { ...r.data, ...data } });
      hit.push(r);
    } else if (status === OUTCOME.accepted) {
      r.status = OUTCOME.acceptedElsewhere;
    } else {
      continue;
    }
    r.updateTime = time;
  }
  return hit;
}

/** @param {string} serverId @param {InviteApplyRecord} r */
function recordInfo(serverId, r) {
  return compact({ ...r, serverId: BigInt(serverId), recordId: BigInt(r.recordId), requestId: BigInt(r.requestId) });
}

/** The records in [fromTime, toTime] (toTime defaults to now) without `excludeRecordId`, newest first unless `reverse` 1.
 * @param {AppContext} ctx @param {EmuRequest} req @param {Row[]} rows
 */
function page(ctx, req, rows) {
  const fromTime = req.int('fromTime') ?? 0;
  const toTime = req.int('toTime') ?? Math.max(/** @type {number} */ (ctx.now()), qchatOf(ctx).lastTime);
  const exclude = idField(req, 'excludeRecordId');
  const data = rows
    .filter(({ r }) => r.createTime >= fromTime && r.createTime <= toTime && r.recordId !== exclude)
    .sort((a, b) => b.r.createTime - a.r.createTime || (BigInt(b.r.recordId) > BigInt(a.r.recordId) ? 1 : -1));
  if (req.int('reverse') === 1) data.reverse();
  return { code: 200, data: data.slice(0, req.int('limit') ?? 100).map(({ serverId, r }) => recordInfo(serverId, r)) };
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatQueryInviteApplyHistoryByServer(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    // The right to read the history is the one to invite and to answer applications (ADR 0046).
    requireAuth(ctx, server, req.string('accid'), AUTH.invite);
    return page(ctx, req, server.records.map((r) => ({ serverId: server.serverId, r })));
  },

  qchatQueryInviteApplyHistoryByUser(ctx, req) {
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    /** @type {Row[]} */
    const rows = [];
    for (const id of Object.keys(qchatOf(ctx).servers)) {
      const server = /** @type {Server} */ (serverById(ctx, id));
      for (const r of server.records) if (r.accid === accid) rows.push({ serverId: id, r });
    }
    return page(ctx, req, rows);
  },
};
