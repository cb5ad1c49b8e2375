// QA plan for a chatroom, run through @nimkit/client against the stateful mock: create -> get -> update -> members
// and roles -> mute -> queue -> messages -> topn -> close -> refused with 13002 -> reopen; then the calls the coverage
// work added: tags and tag mute -> kick -> directed and batch sends, recall, history delete -> batch queue offer and
// multi-get -> broadcast -> in/out notification and timed close. Each step reads back what the previous one wrote;
// every answer's wire text is checked against the operation's success schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NimApiError } from '@nimkit/client';
import { startTestMock, type Mock } from '../support/mock.js';
import { operations } from '../support/spec.js';
import { qchatClient as wireClient, type WireAnswer } from './qchat-wire.js';

/** The chatroom operations this plan exercises (the spec's 24 at the time of writing; added ones get their own steps). */
const PLAN = [
  ...['chatroomCreate', 'chatroomGet', 'chatroomGetBatch', 'chatroomUpdate', 'chatroomToggleCloseStat', 'chatroomQueryUserRoomIds'],
  ...['chatroomRequestAddr', 'chatroomMuteRoom', 'chatroomSetMemberRole', 'chatroomTemporaryMute', 'chatroomUpdateMyRoomRole'],
  ...['chatroomMembersByPage', 'chatroomQueryMembersByRole', 'chatroomQueryMembers', 'chatroomAddRobot', 'chatroomRemoveRobot'],
  ...['chatroomQueueInit', 'chatroomQueueOffer', 'chatroomQueuePoll', 'chatroomQueueList', 'chatroomQueueDrop'],
  ...['chatroomQueueBatchUpdateElements', 'chatroomSendMsg', 'chatroomStatsTopn'],
];

// A frozen clock keeps every message of the run in one statistics hour.
const CLOCK = Date.UTC(2026, 10, 30, 4, 0, 0);

let mock: Mock;
let nim: ReturnType<typeof wireClient>['nim'];
let answers: WireAnswer[];
let roomid: string;

beforeAll(async () => {
  mock = await startTestMock({ mode: 'stateful', clock: CLOCK });
  ({ nim, answers } = wireClient(mock));
});
afterAll(() => mock.close());

/** The vendor code a call is refused with. */
async function refusal(call: Promise<unknown>): Promise<number> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeInstanceOf(NimApiError);
  return (error as NimApiError).code;
}

/** A queueList entry `{ key: value }` as [key, value]. */
const pair = (entry: Record<string, string>) => Object.entries(entry)[0]!;

const send = (fromAccid: string, attach: string) => nim.chatroom.sendMsg({ roomid, msgId: crypto.randomUUID(), fromAccid, msgType: 0, attach });

describe('chatroom QA flow', () => {
  it('1. creates a room and reads it back', async () => {
    const { chatroom } = await nim.chatroom.create({ creator: 'qa_alice', name: 'QA room 1', announcement: 'welcome' });
    roomid = chatroom.roomid;
    expect(BigInt(roomid) > 2n ** 53n, 'ids above 2^53 by default').toBe(true);
    const got = await nim.chatroom.get({ roomid, needOnlineUserCount: true });
    expect(got.chatroom).toMatchObject({ roomid, name: 'QA room 1', announcement: 'welcome', creator: 'qa_alice', valid: true, onlineusercount: 0 });
  });

  it('2. updates the room; get and getBatch show the change, a missing id is listed as such', async () => {
    await nim.chatroom.update({ roomid, name: 'QA room 1 (renamed)', ext: '{"level":2}' });
    expect((await nim.chatroom.get({ roomid })).chatroom).toMatchObject({ name: 'QA room 1 (renamed)', ext: '{"level":2}', announcement: 'welcome' });
    const batch = await nim.chatroom.getBatch({ roomids: [roomid, '42'] });
    expect(batch.succRooms?.map((r) => r.roomid)).toEqual([roomid]);
    expect(batch.noExistRooms).toEqual(['42']);
    expect(await refusal(nim.chatroom.get({ roomid: '42' }))).toBe(404);
  });

  it('3. appoints a manager and members; only the creator appoints managers', async () => {
    expect((await nim.chatroom.setMemberRole({ roomid, operator: 'qa_alice', target: 'qa_bob', opt: 1, optvalue: true })).desc.type).toBe('MANAGER');
    expect((await nim.chatroom.setMemberRole({ roomid, operator: 'qa_bob', target: 'qa_carol', opt: 2, optvalue: true })).desc.type).toBe('COMMON');
    await nim.chatroom.setMemberRole({ roomid, operator: 'qa_bob', target: 'qa_dave', opt: 2, optvalue: true });
    expect(await refusal(nim.chatroom.setMemberRole({ roomid, operator: 'qa_bob', target: 'qa_dave', opt: 1, optvalue: true }))).toBe(403);
    expect(await refusal(nim.chatroom.setMemberRole({ roomid, operator: 'qa_alice', target: 'qa_bob', opt: 1, optvalue: true }))).toBe(417);

    const byRole = await nim.chatroom.queryMembersByRole({ roomid, roles: { creator: true, manager: true } });
    expect(byRole.desc.data.map((m) => [m.accid, m.type])).toEqual([
      ['qa_alice', 'CREATOR'],
      ['qa_bob', 'MANAGER'],
    ]);
    // Fixed members page by page, newest first: endtime 0 starts now, then the last member's enterTime.
    const first = await nim.chatroom.membersByPage({ roomid, type: 0, endtime: 0, limit: 2 });
    const second = await nim.chatroom.membersByPage({ roomid, type: 0, endtime: first.desc.data.at(-1)!.enterTime!, limit: 2 });
    expect([...first.desc.data, ...second.desc.data].map((m) => m.accid)).toEqual(['qa_dave', 'qa_carol', 'qa_bob', 'qa_alice']);
    // A fixed member saves its in-room profile; the member lists show it.
    await nim.chatroom.updateMyRoomRole({ roomid, accid: 'qa_carol', save: true, nick: 'Carol', avator: 'https://example.com/carol.png' });
    const some = await nim.chatroom.queryMembers({ roomid, accids: ['qa_carol', 'nobody'] });
    expect(some.desc.data.map((m) => [m.accid, m.nick, m.avator])).toEqual([['qa_carol', 'Carol', 'https://example.com/carol.png']]);
  });

  it('4. mutes a member for a while and the whole room; muted senders are refused with 13004', async () => {
    await nim.chatroom.temporaryMute({ roomid, operator: 'qa_bob', target: 'qa_carol', muteDuration: 600 });
    expect(await refusal(send('qa_carol', 'hello?'))).toBe(13004);
    const [carol] = (await nim.chatroom.queryMembers({ roomid, accids: ['qa_carol'] })).desc.data;
    expect(carol).toMatchObject({ tempMuted: true, tempMuteTtl: 600 });
    await nim.chatroom.temporaryMute({ roomid, operator: 'qa_bob', target: 'qa_carol', muteDuration: 0 });
    await send('qa_carol', 'back');

    expect(await refusal(nim.chatroom.muteRoom({ roomid, operator: 'qa_carol', mute: true }))).toBe(403);
    await nim.chatroom.muteRoom({ roomid, operator: 'qa_alice', mute: true });
    expect((await nim.chatroom.get({ roomid })).chatroom.muted).toBe(true);
    expect(await refusal(send('qa_dave', 'anyone?'))).toBe(13004);
    await send('qa_bob', 'managers may speak');
    await nim.chatroom.muteRoom({ roomid, operator: 'qa_alice', mute: false });

    await nim.chatroom.setMemberRole({ roomid, operator: 'qa_alice', target: 'qa_troll', opt: -1, optvalue: true });
    expect(await refusal(send('qa_troll', 'spam'))).toBe(13003);
    expect(await refusal(nim.chatroom.requestAddr({ roomid, accid: 'qa_troll' }))).toBe(13003);
  });

  it('5. runs the queue: init, offer, poll, list, batch update, transient elements, drop', async () => {
    const list = async () => (await nim.chatroom.queueList({ roomid })).desc.list.map(pair);
    await nim.chatroom.queueInit({ roomid, sizeLimit: 3 });
    for (const key of ['seat1', 'seat2', 'seat3']) await nim.chatroom.queueOffer({ roomid, key, value: `${key}-user` });
    expect(await refusal(nim.chatroom.queueOffer({ roomid, key: 'seat4', value: 'x' }))).toBe(419);
    expect((await nim.chatroom.queuePoll({ roomid })).desc).toEqual({ key: 'seat1', value: 'seat1-user' });
    expect(await refusal(nim.chatroom.queuePoll({ roomid, key: 'seat1' }))).toBe(404);
    const batch = await nim.chatroom.queueBatchUpdateElements({ roomid, operator: 'qa_bob', elements: { seat2: 'qa_dave', ghost: 'x' } });
    expect(batch.desc.noExistElementKey).toEqual(['ghost']);
    expect(await list()).toEqual([
      ['seat2', 'qa_dave'],
      ['seat3', 'seat3-user'],
    ]);

    // A transient element lives as long as its operator stays in the room (a robot here).
    await nim.chatroom.addRobot({ roomid, accids: ['qa_bot'] });
    await nim.chatroom.queueOffer({ roomid, key: 'bot-seat', value: 'qa_bot', operator: 'qa_bot', transient: true });
    expect((await list()).map(([key]) => key)).toContain('bot-seat');
    await nim.chatroom.removeRobot({ roomid, accids: ['qa_bot'] });
    expect((await list()).map(([key]) => key)).not.toContain('bot-seat');

    await nim.chatroom.queueDrop({ roomid });
    expect(await list()).toEqual([]);
  });

  it('6. sends messages and ranks the room in statsTopn from what was sent', async () => {
    const other = (await nim.chatroom.create({ creator: 'qa_alice', name: 'quiet room' })).chatroom.roomid;
    await nim.chatroom.sendMsg({ roomid: other, msgId: crypto.randomUUID(), fromAccid: 'qa_alice', msgType: 0, attach: 'one' });
    const sent = await send('qa_alice', 'hello everyone');
    expect(sent.desc).toMatchObject({ roomId: roomid, fromAccount: 'qa_alice', type: 0, attach: 'hello everyone', time: expect.any(Number) }); // time and type normalised to numbers (docs/adr/0042)
    await send('qa_dave', 'hi');

    const { data } = await nim.chatroom.statsTopn({ orderby: 'message', period: 'hour' });
    // This room: carol, bob, alice and dave sent 4 messages; the other room 1.
    expect(data.map((r) => [r.roomId, r.msgs, r.activeNums])).toEqual([
      [roomid, '4', '5'], // 4 senders and the robot that entered; 64-bit counters as exact strings (docs/adr/0019)
      [other, '1', '1'],
    ]);
  });

  it('7. closes the room; sending and connecting are refused with 13002; it leaves the creator\'s open rooms', async () => {
    expect(await refusal(nim.chatroom.toggleCloseStat({ roomid, operator: 'qa_bob', valid: false }))).toBe(403);
    const closed = await nim.chatroom.toggleCloseStat({ roomid, operator: 'qa_alice', valid: false });
    expect(closed.desc).toMatchObject({ roomid, valid: false });
    expect(await refusal(send('qa_alice', 'anyone there?'))).toBe(13002);
    expect(await refusal(nim.chatroom.requestAddr({ roomid, accid: 'qa_dave' }))).toBe(13002);
    expect(await refusal(nim.chatroom.toggleCloseStat({ roomid, operator: 'qa_alice', valid: false }))).toBe(417);
    expect((await nim.chatroom.queryUserRoomIds({ creator: 'qa_alice' })).desc.roomids).not.toContain(roomid);
  });

  it('8. reopens the room, which takes messages again', async () => {
    expect((await nim.chatroom.toggleCloseStat({ roomid, operator: 'qa_alice', valid: true })).desc.valid).toBe(true);
    await send('qa_alice', 'we are back');
    expect((await nim.chatroom.queryUserRoomIds({ creator: 'qa_alice' })).desc.roomids).toContain(roomid);
    expect((await nim.chatroom.requestAddr({ roomid, accid: 'qa_dave', clienttype: 2 })).addr.length).toBeGreaterThan(0);
  });

  it('9. used each of the 24 chatroom operations, every success in the exact shape of its success schema', () => {
    const successes = answers.filter((a) => a.code === 200);
    const used = new Set(successes.map((a) => a.operationId));
    expect(PLAN.filter((operationId) => !used.has(operationId))).toEqual([]);
    expect(PLAN.every((operationId) => operations.some((o) => o.operationId === operationId))).toBe(true);
    expect(successes.flatMap((a) => a.problems)).toEqual([]);
  });
});

describe('chatroom QA flow: kick, tags, recall, batch queue, broadcast and the other calls the coverage issue added', () => {
  let room: string;
  const members = async (accids: string[]) => (await nim.chatroom.queryMembers({ roomid: room, accids })).desc.data;

  it('10. tags the members in the room, counts and lists them by tag, mutes a tag (13004) and lifts it', async () => {
    room = (await nim.chatroom.create({ creator: 'qa_alice', name: 'QA room 2' })).chatroom.roomid;
    await nim.chatroom.addRobot({ roomid: room, accids: ['qa_bot1', 'qa_bot2', 'qa_bot3'] });
    await nim.chatroom.updateChatRoomRoleTag({ roomId: room, accid: 'qa_bot1', tags: ['vip', 'red'] });
    await nim.chatroom.updateChatRoomRoleTag({ roomId: room, accid: 'qa_bot2', tags: ['vip'] });
    expect((await nim.chatroom.tagMembersCount({ roomid: room, tag: 'vip' })).data).toEqual({ tag: 'vip', onlineUserCount: 2 });
    const tagged = await nim.chatroom.tagMembersQuery({ roomid: room, tag: 'vip', endTime: 0, limit: 10 });
    expect(tagged.desc.data.map((m) => m.accid).sort()).toEqual(['qa_bot1', 'qa_bot2']);
    expect(await refusal(nim.chatroom.updateChatRoomRoleTag({ roomId: room, accid: 'qa_nobody', tags: ['vip'] }))).toBe(404);

    expect((await nim.chatroom.tagTemporaryMute({ roomid: room, operator: 'qa_alice', targetTag: 'red', muteDuration: 300 })).desc.muteDuration).toBe(300);
    const say = (fromAccid: string) => nim.chatroom.sendMsg({ roomid: room, msgId: crypto.randomUUID(), fromAccid, msgType: 0, attach: 'hi' });
    expect(await refusal(say('qa_bot1'))).toBe(13004);
    await say('qa_bot2');
    expect(await refusal(nim.chatroom.tagTemporaryMute({ roomid: room, operator: 'qa_bot2', targetTag: 'red', muteDuration: 0 }))).toBe(403);
    await nim.chatroom.tagTemporaryMute({ roomid: room, operator: 'qa_alice', targetTag: 'red', muteDuration: 0 });
    await say('qa_bot1');
  });

  it('11. kicks a member out of the room: it is no longer online, its tags are gone; only admins kick (403)', async () => {
    expect(await refusal(nim.chatroom.kickMember({ roomid: room, accid: 'qa_bot2', targetAccid: 'qa_bot1' }))).toBe(403);
    await nim.chatroom.kickMember({ roomid: room, accid: 'qa_alice', targetAccid: 'qa_bot1', notifyExt: '{"reason":"qa"}' });
    expect(await members(['qa_bot1'])).toEqual([]);
    expect((await nim.chatroom.tagMembersCount({ roomid: room, tag: 'vip' })).data.onlineUserCount).toBe(1);
    expect(await refusal(nim.chatroom.kickMember({ roomid: room, accid: 'qa_alice', targetAccid: 'qa_bot1' }))).toBe(404);
    expect((await nim.chatroom.cleanRobot({ roomid: room, notify: false })).desc.size).toBe(2);
    expect((await nim.chatroom.get({ roomid: room, needOnlineUserCount: true })).chatroom.onlineusercount).toBe(0);
  });

  it('12. sends to some members and in batches, recalls a message, deletes one from the history', async () => {
    const directed = await nim.chatroom.sendMsgToSomeone({ roomid: room, msgId: 'qa-d1', fromAccid: 'qa_alice', toAccids: ['qa_bob'], msgType: 0, attach: 'psst' });
    expect(directed.desc).toMatchObject({ msgid_client: 'qa-d1', fromAccount: 'qa_alice', roomId: room });
    const batch = await nim.chatroom.batchSendMsg({ roomid: room, fromAccid: 'qa_alice', msgList: [{ msgId: 'qa-b1', msgType: 0, attach: 'one' }, { msgId: 'qa-b2', msgType: 0, attach: 'two' }] });
    expect(batch.success?.map((s) => Object.keys(s)[0])).toEqual(['qa-b1', 'qa-b2']);
    expect(batch.fail).toEqual([]);
    const some = await nim.chatroom.batchSendMsgToSomeone({ roomid: room, fromAccid: 'qa_alice', toAccids: ['qa_bob'], msgList: [{ msgId: 'qa-b3', msgType: 0 }] });
    expect(some.success).toHaveLength(1);

    const b1 = batch.success![0]!['qa-b1']!;
    const recall = { roomid: room, msgId: 'qa-b1', fromAcc: 'qa_alice', msgTimetag: Number(b1.time) };
    expect(await refusal(nim.chatroom.recall({ ...recall, operatorAcc: 'qa_stranger' }))).toBe(403);
    await nim.chatroom.recall({ ...recall, operatorAcc: 'qa_alice' });
    expect(await refusal(nim.chatroom.recall({ ...recall, operatorAcc: 'qa_alice' }))).toBe(417);

    const b2 = batch.success![1]!['qa-b2']!;
    await nim.chatroom.deleteHistoryMessage({ roomid: room, fromAcc: 'qa_alice', msgTimetag: Number(b2.time) });
    expect(await refusal(nim.chatroom.deleteHistoryMessage({ roomid: room, fromAcc: 'qa_alice', msgTimetag: Number(b2.time) }))).toBe(404);
    // A directed message never reached the cloud history.
    expect(await refusal(nim.chatroom.deleteHistoryMessage({ roomid: room, fromAcc: 'qa_alice', msgTimetag: Number(directed.desc.time) }))).toBe(404);
  });

  it('13. offers several queue elements at once and reads some back by key', async () => {
    await nim.chatroom.queueInit({ roomid: room, sizeLimit: 3 });
    await nim.chatroom.queueOffer({ roomid: room, key: 'seat1', value: 'qa_bob' });
    const offered = await nim.chatroom.queueBatchOffer({
      roomid: room,
      elements: [
        { key: 'seat2', value: 'qa_carol' },
        { key: 'seat1', value: 'qa_dave' },
        { key: 'seat3', value: 'qa_erin' },
        { key: 'seat4', value: 'qa_frank' },
      ],
    });
    expect(offered.desc.failedKeys).toEqual(['seat4']);
    const got = await nim.chatroom.queueMultiGet({ roomid: room, keys: ['seat3', 'seat1', 'seat4'] });
    expect(got.desc.list.map(pair)).toEqual([
      ['seat3', 'qa_erin'],
      ['seat1', 'qa_dave'],
    ]);
  });

  it('14. broadcasts to every room of the app, at most 10 times a minute (416)', async () => {
    const sent = await nim.chatroom.broadcast({ msgId: 'qa-bc-1', fromAccid: 'qa_alice', msgType: 0, attach: 'maintenance at noon' });
    // `type` is normalised to a number, as sendMsg's (docs/adr/0042).
    expect(sent.desc).toMatchObject({ msgid_client: 'qa-bc-1', fromAccount: 'qa_alice', type: 0 });
    for (let i = 2; i <= 10; i++) await nim.chatroom.broadcast({ msgId: `qa-bc-${i}`, fromAccid: 'qa_alice', msgType: 0 });
    expect(await refusal(nim.chatroom.broadcast({ msgId: 'qa-bc-11', fromAccid: 'qa_alice', msgType: 0 }))).toBe(416);
  });

  it('15. turns in/out notifications off and sets a timed close, both read back by get', async () => {
    await nim.chatroom.updateInOutNotification({ roomid: room, close: true });
    expect((await nim.chatroom.get({ roomid: room })).chatroom.ionotify).toBe(false);
    const policy = await nim.chatroom.updateDelayClosePolicy({ roomid: room, delayClosePolicy: 2, delaySeconds: 3600 });
    expect(policy.chatroom.delayInfo).toMatchObject({ delayCloseEnable: true, delayClosePolicy: 2, delaySeconds: 3600 });
    expect((await nim.chatroom.get({ roomid: room })).chatroom.delayInfo).toMatchObject({ delayClosePolicy: 2, delaySeconds: 3600 });
  });

  it('16. used every chatroom operation of the spec, every success in the exact shape of its success schema', () => {
    const successes = answers.filter((a) => a.code === 200);
    const used = new Set(successes.map((a) => a.operationId));
    const chatroomOps = operations.map((o) => o.operationId).filter((id) => id.startsWith('chatroom'));
    expect(chatroomOps.filter((operationId) => !used.has(operationId))).toEqual([]);
    expect(successes.flatMap((a) => a.problems)).toEqual([]);
  });
});

describe('chatroom queue under 50 concurrent callers', () => {
  it('keeps every one of 50 concurrent offers exactly once, and hands each element to exactly one of 50 polls', async () => {
    const room = (await nim.chatroom.create({ creator: 'qa_alice', name: 'busy queue' })).chatroom.roomid;
    await nim.chatroom.queueInit({ roomid: room, sizeLimit: 1000 });
    const keys = Array.from({ length: 50 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    await Promise.all(keys.map((key) => nim.chatroom.queueOffer({ roomid: room, key, value: `v-${key}` })));
    const listed = (await nim.chatroom.queueList({ roomid: room })).desc.list.map(pair);
    expect(listed).toHaveLength(50);
    expect(new Map(listed)).toEqual(new Map(keys.map((k) => [k, `v-${k}`])));

    const polled = await Promise.all(keys.map(() => nim.chatroom.queuePoll({ roomid: room })));
    expect(polled.map((p) => p.desc.key).sort()).toEqual(keys);
    expect((await nim.chatroom.queueList({ roomid: room })).desc.list).toEqual([]);
  });

  it('applies 50 concurrent offers of one key as updates of one element', async () => {
    const room = (await nim.chatroom.create({ creator: 'qa_alice', name: 'one seat' })).chatroom.roomid;
    const values = Array.from({ length: 50 }, (_, i) => `user${i}`);
    await Promise.all(values.map((value) => nim.chatroom.queueOffer({ roomid: room, key: 'seat', value })));
    const list = (await nim.chatroom.queueList({ roomid: room })).desc.list;
    expect(list).toHaveLength(1);
    expect(values).toContain(list[0]!['seat']);
  });
});
