// QChat model: channel messages, cloud history and custom system notifications (unit tests on the handlers).
import { describe, expect, it } from 'vitest';
import { channelIn, newApp, ok, refused, serverWith, type Ctx } from './qchat-support.js';

function send(ctx: Ctx, serverId: string, channelId: string, from: string, body: string, extra: Record<string, unknown> = {}) {
  return ok(ctx, 'qchatSendMsg', { serverId, channelId, from, type: 0, body, ...extra }).data;
}

function history(ctx: Ctx, serverId: string, channelId: string, extra: Record<string, unknown> = {}) {
  return ok(ctx, 'qchatQueryHistoryMsg', { accid: 'owner', serverId, channelId, ...extra }).data;
}

describe('QChat messages', () => {
  it('sends, reads back newest first, pages with excludeMsgId, and reverses', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const sent = ['m1', 'm2', 'm3', 'm4'].map((body) => send(ctx, serverId, channelId, 'a', body, { msgIdClient: `c-${body}` }));
    expect(sent[0].msgIdServer > 2n ** 53n).toBe(true);
    expect(sent[0].msgIdClient).toBe('c-m1');
    const newest = history(ctx, serverId, channelId, { limit: 2 });
    expect(newest.map((m: any) => m.body)).toEqual(['m4', 'm3']);
    expect(newest[0]).toMatchObject({ fromAccount: 'a', status: 0, msgIdClient: 'c-m4' });
    const last = newest[1];
    const older = history(ctx, serverId, channelId, { limit: 2, toTime: last.time, excludeMsgId: String(last.msgIdServer) });
    expect(older.map((m: any) => m.body)).toEqual(['m2', 'm1']);
    expect(history(ctx, serverId, channelId, { reverse: 1, limit: 3 }).map((m: any) => m.body)).toEqual(['m1', 'm2', 'm3']);
    expect(history(ctx, serverId, channelId, { fromTime: sent[2].time }).map((m: any) => m.body)).toEqual(['m4', 'm3']);
  });

  it('does not keep messages sent with option.history false', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner');
    const channelId = channelIn(ctx, serverId, 'owner');
    send(ctx, serverId, channelId, 'owner', 'kept');
    send(ctx, serverId, channelId, 'owner', 'gone', { option: { history: false } });
    expect(history(ctx, serverId, channelId).map((m: any) => m.body)).toEqual(['kept']);
  });

  it('keeps at most maxMessages per channel, dropping the oldest', () => {
    const ctx = newApp({ maxMessages: 3 });
    const serverId = serverWith(ctx, 'owner');
    const channelId = channelIn(ctx, serverId, 'owner');
    for (let i = 1; i <= 5; i += 1) send(ctx, serverId, channelId, 'owner', `m${i}`);
    expect(history(ctx, serverId, channelId).map((m: any) => m.body)).toEqual(['m5', 'm4', 'm3']);
  });

  it('refuses senders who are not members, cannot see the channel, or lack the send or @ permissions', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    expect(refused(ctx, 'qchatSendMsg', { serverId, channelId, from: 'zz', type: 0, body: 'x' }).code).toBe(403);
    expect(refused(ctx, 'qchatSendMsg', { serverId, channelId, from: 'a', type: 0, body: 'x', mentionedAll: 1 }).code).toBe(403);
    send(ctx, serverId, channelId, 'a', '@b', { mentionedAccidList: ['b'] });
    ok(ctx, 'qchatUpdateWhiteBlackIdentifyUser', { serverId, channelId, type: 2, opeType: 1, accid: 'owner', toAccids: ['b'] });
    expect(refused(ctx, 'qchatSendMsg', { serverId, channelId, from: 'b', type: 0, body: 'x' }).code).toBe(403);
    expect(refused(ctx, 'qchatQueryHistoryMsg', { accid: 'b', serverId, channelId }).code).toBe(403);
    const everyone = String(ok(ctx, 'qchatGetServerIdentifyPages', { accid: 'owner', serverId }).identify[0].roleId);
    ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId: everyone, auths: { 4: -1 } });
    expect(refused(ctx, 'qchatSendMsg', { serverId, channelId, from: 'a', type: 0, body: 'x' }).code).toBe(403);
    send(ctx, serverId, channelId, 'owner', 'the owner may do everything', { mentionedAll: 1 });
    expect(refused(ctx, 'qchatSendMsg', { serverId, channelId: '1', from: 'a', type: 0, body: 'x' }).code).toBe(404);
  });

  it('updates, recalls and deletes: own messages freely, others only with permissions 9 and 10', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const m = send(ctx, serverId, channelId, 'a', 'hello');
    const at = { serverId, channelId, msgIdServer: String(m.msgIdServer), time: m.time };
    ok(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a', body: 'hello!', ext: 'e', operatorMsg: 'typo' });
    expect(history(ctx, serverId, channelId)[0]).toMatchObject({ body: 'hello!', ext: 'e', status: 0 });
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'b', body: 'hacked' }).code).toBe(403);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'b', status: 1 }).code).toBe(403);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a', status: 7 }).code).toBe(414);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a' }).code).toBe(414);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, time: m.time + 1, operatorAccid: 'a', status: 1 }).code).toBe(404);
    // A moderator role with "recall others' messages" (9) recalls a's message; recalling twice is a repeat.
    const roleId = String(ok(ctx, 'qchatCreateServerIdentify', { accid: 'owner', serverId, type: 2 }).identify.roleId);
    ok(ctx, 'qchatUpdateServerIdentify', { accid: 'owner', serverId, roleId, auths: { 9: 1 } });
    ok(ctx, 'qchatCreateServerIdentifyMember', { accid: 'owner', serverId, roleId, faccids: ['b'] });
    ok(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'b', status: 1 });
    expect(history(ctx, serverId, channelId)[0].status).toBe(1);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a', status: 1 }).code).toBe(417);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'b', status: 2 }).code).toBe(403);
    ok(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a', status: 10001 });
    ok(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'owner', status: 2 });
    expect(history(ctx, serverId, channelId)).toEqual([]);
    expect(refused(ctx, 'qchatUpdateMsg', { ...at, operatorAccid: 'a', body: 'again' }).code).toBe(404);
  });

  it('forgets the messages of a removed channel', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner');
    const channelId = channelIn(ctx, serverId, 'owner');
    send(ctx, serverId, channelId, 'owner', 'x');
    ok(ctx, 'qchatRemoveChannel', { accid: 'owner', channelId });
    expect(refused(ctx, 'qchatQueryHistoryMsg', { accid: 'owner', serverId, channelId }).code).toBe(404);
  });
});

describe('QChat custom system notifications', () => {
  it('sends to a server, a channel and accounts; stores persisted ones for their receivers to update', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a', 'b']);
    const channelId = channelIn(ctx, serverId, 'owner');
    const toServer = ok(ctx, 'qchatSendAttachMsg', { toType: 1, serverId, from: 'owner', body: 'hi all' }).data;
    expect(toServer.type).toBe(100);
    ok(ctx, 'qchatSendAttachMsg', { toType: 2, serverId, channelId, from: 'a', body: 'hi channel' });
    const n = ok(ctx, 'qchatSendAttachMsg', {
      toType: 4,
      serverId,
      channelId,
      from: 'owner',
      toAccids: ['a'],
      body: 'for a',
      option: { persist: true },
      msgIdClient: 'n1',
    }).data;
    expect(n.msgIdClient).toBe('n1');
    const at = { serverId, channelId, msgIdServer: String(n.msgIdServer), time: n.time, type: 100 };
    ok(ctx, 'qchatUpdateAttachMsg', { ...at, operatorAccid: 'a', status: 10000, ext: 'read' });
    expect(refused(ctx, 'qchatUpdateAttachMsg', { ...at, operatorAccid: 'b', status: 10000 }).code).toBe(403);
    expect(refused(ctx, 'qchatUpdateAttachMsg', { ...at, operatorAccid: 'a', status: 1 }).code).toBe(414);
    expect(refused(ctx, 'qchatUpdateAttachMsg', { ...at, type: 0, operatorAccid: 'a', status: 0 }).code).toBe(404);
    const notStored = ok(ctx, 'qchatSendAttachMsg', { toType: 3, serverId, from: 'owner', toAccids: ['a'], body: 'x' }).data;
    const nsAt = { serverId, channelId, msgIdServer: String(notStored.msgIdServer), time: notStored.time, type: 100 };
    expect(refused(ctx, 'qchatUpdateAttachMsg', { ...nsAt, operatorAccid: 'a', status: 0 }).code).toBe(404);
  });

  it('refuses senders outside the server and receivers who are not members', () => {
    const ctx = newApp();
    const serverId = serverWith(ctx, 'owner', ['a']);
    expect(refused(ctx, 'qchatSendAttachMsg', { toType: 1, serverId, from: 'zz', body: 'x' }).code).toBe(403);
    expect(refused(ctx, 'qchatSendAttachMsg', { toType: 3, serverId, from: 'a', toAccids: ['zz'], body: 'x' }).code).toBe(404);
    expect(refused(ctx, 'qchatSendAttachMsg', { toType: 2, serverId, channelId: '5', from: 'a', body: 'x' }).code).toBe(404);
  });
});
