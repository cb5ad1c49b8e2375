// Every response field with two encodings (docs/adr/0042) arrives, over a loopback server, in the vendor docs' form,
// in the official Go SDK's form, and mixed; the client returns the same normalised value each time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, createRawClient, NimTransportError, type OperationId } from '../src/index.js';
import { operationTable } from '../src/generated/operations.js';
import { startServer, type TestServer } from '@nimkit/test-kit';

const member = { roomid: 111, accid: 'abc', nick: 'n', type: 'CREATOR', onlineStat: true };
const memberOut = { ...member, roomid: '111' };
const text = (v: unknown) => JSON.stringify(v);

interface Case {
  request: Record<string, unknown>;
  /** The body as the vendor's pages show it, as the official Go SDK decodes it, and other mixes that can arrive. */
  forms: Record<string, string>;
  expected: Record<string, unknown>;
}

// Bodies as raw JSON text, so ids above 2^53 can be written as bare numbers.
const big = '9007199254740993';
const cases: Partial<Record<OperationId, Case>> = {
  chatroomMembersByPage: {
    request: { roomid: '111', type: 0, limit: 10 },
    forms: { docs: text({ code: 200, desc: { data: [member] } }), sdk: text({ code: 200, desc: text({ data: [member] }) }) },
    expected: { code: 200, desc: { data: [memberOut] } },
  },
  chatroomQueryMembersByRole: {
    request: { roomid: '111', roles: { creator: true } },
    forms: { docs: text({ code: 200, desc: { data: [member] } }), sdk: text({ code: 200, desc: text({ data: [member] }) }) },
    expected: { code: 200, desc: { data: [memberOut] } },
  },
  chatroomQueryMembers: {
    request: { roomid: '111', accids: ['abc'] },
    forms: {
      docs: `{"code":200,"desc":{"data":[{"roomid":${big},"accid":"abc","type":"CREATOR"}]}}`,
      sdk: `{"code":200,"desc":${text(`{"data":[{"roomid":${big},"accid":"abc","type":"CREATOR"}]}`)}}`,
    },
    expected: { code: 200, desc: { data: [{ roomid: big, accid: 'abc', type: 'CREATOR' }] } },
  },
  chatroomQueueList: {
    request: { roomid: '111' },
    forms: { docs: text({ code: 200, desc: { list: [{ k1: 'v1' }] } }), sdk: text({ code: 200, desc: text({ list: [{ k1: 'v1' }] }) }) },
    expected: { code: 200, desc: { list: [{ k1: 'v1' }] } },
  },
  chatroomQueuePoll: {
    request: { roomid: '111' },
    forms: { docs: text({ code: 200, desc: { key: 'k1', value: 'v1' } }), sdk: text({ code: 200, desc: text({ key: 'k1', value: 'v1' }) }) },
    expected: { code: 200, desc: { key: 'k1', value: 'v1' } },
  },
  chatroomQueueBatchUpdateElements: {
    request: { roomid: '111', operator: 'abc', elements: { k1: 'v2' } },
    forms: { docs: text({ code: 200, desc: { noExistElementKey: ['k9'] } }), sdk: text({ code: 200, desc: text({ noExistElementKey: ['k9'] }) }) },
    expected: { code: 200, desc: { noExistElementKey: ['k9'] } },
  },
  chatroomAddRobot: {
    request: { roomid: '111', accids: ['r1', 'r2', 'r3'] },
    forms: {
      docs: text({ code: 200, desc: { successAccids: '["r1"]', failAccids: '["r2"]', oldAccids: '["r3"]' } }),
      sdk: text({ code: 200, desc: text({ successAccids: ['r1'], failAccids: ['r2'], oldAccids: ['r3'] }) }),
      mixed: text({ code: 200, desc: { successAccids: ['r1'], failAccids: '["r2"]', oldAccids: ['r3'] } }),
    },
    expected: { code: 200, desc: { successAccids: ['r1'], failAccids: ['r2'], oldAccids: ['r3'] } },
  },
  chatroomRemoveRobot: {
    request: { roomid: '111', accids: ['r1', 'r2'] },
    forms: {
      docs: text({ code: 200, desc: { successAccids: '["r1"]', failAccids: '["r2"]' } }),
      sdk: text({ code: 200, desc: text({ successAccids: ['r1'], failAccids: ['r2'] }) }),
      mixed: text({ code: 200, desc: text({ successAccids: '["r1"]', failAccids: ['r2'] }) }),
    },
    expected: { code: 200, desc: { successAccids: ['r1'], failAccids: ['r2'] } },
  },
  chatroomGetBatch: {
    request: { roomids: ['6001', '6002', '6003'] },
    forms: {
      docs: `{"code":200,"succRooms":[{"roomid":6001,"name":"a"}],"noExistRooms":[${big}],"failRooms":[6003]}`,
      sdk: `{"code":200,"succRooms":${text('[{"roomid":6001,"name":"a"}]')},"noExistRooms":${text(`[${big}]`)},"failRooms":"[6003]"}`,
    },
    expected: { code: 200, succRooms: [{ roomid: '6001', name: 'a' }], noExistRooms: [big], failRooms: ['6003'] },
  },
  chatroomQueryUserRoomIds: {
    request: { creator: 'abc' },
    forms: { docs: text({ code: 200, desc: { roomids: ['1015', big] } }), sdk: text({ code: 200, desc: { roomids: `[1015,${big}]` } }) },
    expected: { code: 200, desc: { roomids: ['1015', big] } },
  },
  chatroomSendMsg: {
    request: { roomid: '36', msgId: 'm1', fromAccid: 'abc', msgType: 0, attach: 'hi' },
    forms: {
      docs: text({ code: 200, desc: { time: '1456396333115', msgid_client: 'm1', roomId: big, fromAccount: 'abc', type: '0' } }),
      sdk: `{"code":200,"desc":${text(`{"time":1456396333115,"msgid_client":"m1","roomId":${big},"fromAccount":"abc","type":0}`)}}`,
    },
    expected: { code: 200, desc: { time: 1456396333115, msgid_client: 'm1', roomId: big, fromAccount: 'abc', type: 0 } },
  },
  chatroomSendMsgToSomeone: {
    request: { roomid: '36', msgId: 'm1', fromAccid: 'abc', toAccids: ['lisi'], msgType: 0, attach: 'hi' },
    forms: {
      docs: text({ code: 200, desc: { time: '1456396333115', msgid_client: 'm1', roomId: big, fromAccount: 'abc', type: '0' } }),
      sdk: `{"code":200,"desc":{"time":1456396333115,"msgid_client":"m1","roomId":${big},"fromAccount":"abc","type":0}}`,
    },
    expected: { code: 200, desc: { time: 1456396333115, msgid_client: 'm1', roomId: big, fromAccount: 'abc', type: 0 } },
  },
  chatroomBatchSendMsg: {
    request: { roomid: '36', fromAccid: 'abc', msgList: [{ msgId: 'm1', msgType: 0, attach: 'hi' }, { msgId: 'm2', msgType: 0 }] },
    forms: {
      docs: text({ code: 200, success: [{ m1: { time: '1456396333115', msgid_client: 'm1', roomId: big, type: '0', highPriorityFlag: 1 } }], fail: [{ m2: 'msg too long' }] }),
      sdk: `{"code":200,"success":[{"m1":{"time":"1456396333115","msgid_client":"m1","roomId":${big},"type":0,"highPriorityFlag":"1"}}],"fail":[{"m2":"msg too long"}]}`,
    },
    // `time` is a decimal string in every source here (docs/adr/0043), so it is returned as it arrives.
    expected: { code: 200, success: [{ m1: { time: '1456396333115', msgid_client: 'm1', roomId: big, type: 0, highPriorityFlag: 1 } }], fail: [{ m2: 'msg too long' }] },
  },
  chatroomBatchSendMsgToSomeone: {
    request: { roomid: '36', fromAccid: 'abc', toAccids: ['lisi'], msgList: [{ msgId: 'm1', msgType: 0 }] },
    forms: {
      docs: text({ code: 200, success: [{ m1: { time: '1456396333115', msgid_client: 'm1', roomId: '36', type: '0' } }] }),
      sdk: `{"code":200,"success":[{"m1":{"time":1456396333115,"msgid_client":"m1","roomId":36,"type":0}}]}`,
    },
    expected: { code: 200, success: [{ m1: { time: 1456396333115, msgid_client: 'm1', roomId: '36', type: 0 } }] },
  },
  chatroomQueueMultiGet: {
    request: { roomid: '111', keys: ['k1'] },
    forms: { docs: text({ code: 200, desc: { list: [{ k1: 'v1' }] } }), sdk: text({ code: 200, desc: text({ list: [{ k1: 'v1' }] }) }) },
    expected: { code: 200, desc: { list: [{ k1: 'v1' }] } },
  },
  chatroomQueueBatchOffer: {
    request: { roomid: '111', elements: [{ key: 'k1', value: 'v1' }] },
    forms: {
      docs: text({ code: 200, desc: { failedKeys: ['k9'], highPriority: true } }),
      sdk: text({ code: 200, desc: text({ failedKeys: text(['k9']), highPriority: true }) }),
      mixed: text({ code: 200, desc: text({ failedKeys: ['k9'], highPriority: true }) }),
    },
    expected: { code: 200, desc: { failedKeys: ['k9'], highPriority: true } },
  },
  chatroomTagMembersQuery: {
    request: { roomid: '111', tag: 'vip', endTime: 0, limit: 10 },
    forms: { docs: text({ code: 200, desc: { data: [member] } }), sdk: text({ code: 200, desc: text({ data: [member] }) }) },
    expected: { code: 200, desc: { data: [memberOut] } },
  },
  chatroomBroadcast: {
    request: { msgId: 'm1', fromAccid: 'abc', msgType: 0, attach: 'hi' },
    forms: {
      docs: text({ code: 200, desc: { time: '1456396333115', msgid_client: 'm1', fromAccount: 'abc', type: '0' } }),
      sdk: text({ code: 200, desc: { time: 1456396333115, msgid_client: 'm1', fromAccount: 'abc', type: 0 } }),
    },
    expected: { code: 200, desc: { time: 1456396333115, msgid_client: 'm1', fromAccount: 'abc', type: 0 } },
  },
  chatroomRequestAddr: {
    request: { roomid: '36', accid: 'abc' },
    forms: { docs: text({ code: 200, addr: ['a:1', 'b:2'] }), sdk: text({ code: 200, addr: '["a:1","b:2"]' }) },
    expected: { code: 200, addr: ['a:1', 'b:2'] },
  },
};

let server: TestServer;
const answer = new Map<string, string>(); // path -> body the server gives next
beforeAll(async () => {
  server = await startServer((request) => ({ body: answer.get(request.url.replace('/nimserver', '')) ?? text({ code: 200 }) }));
});
afterAll(() => server.close());

const nim = () => createNimClient({ appKey: 'enc-key', appSecret: 'enc-secret-0123456789', baseUrl: server.url, retry: { maxAttempts: 1 } });

describe('every field with two encodings', () => {
  it('has a case here (the generated table and this list agree)', () => {
    const withAlternatives = Object.entries(operationTable)
      .filter(([, meta]) => meta.json.length || meta.ints.length)
      .map(([id]) => id)
      .sort();
    expect(Object.keys(cases).sort()).toEqual(withAlternatives);
  });

  const rows = Object.entries(cases).flatMap(([op, c]) => Object.keys(c!.forms).map((form) => [op as OperationId, form] as const));
  it.each(rows)('%s, %s form: the normalised value', async (op, form) => {
    const c = cases[op]!;
    const meta = operationTable[op];
    answer.set(meta.path, c.forms[form]!);
    const call = (nim() as any)[meta.group][meta.action] as (body: unknown) => Promise<unknown>;
    await expect(call(c.request)).resolves.toEqual(c.expected);
  });

  it('the raw client returns the same normalised value', async () => {
    const c = cases.chatroomSendMsg!;
    answer.set(operationTable.chatroomSendMsg.path, c.forms['sdk']!);
    const raw = createRawClient({ appKey: 'enc-key', appSecret: 'enc-secret-0123456789', baseUrl: server.url });
    const { data } = await raw.POST('/chatroom/sendMsg.action', { body: { roomid: '36', msgId: 'm1', fromAccid: 'abc', msgType: 0 } });
    expect(data).toEqual(c.expected);
  });
});

describe('a field in neither encoding', () => {
  it.each([
    ['JSON text that is not JSON', 'chatroomMembersByPage', text({ code: 200, desc: '{"data":[' }), 'desc'],
    ['JSON text of a scalar', 'chatroomGetBatch', text({ code: 200, succRooms: '42' }), 'succRooms'],
    ['a number written as words', 'chatroomSendMsg', text({ code: 200, desc: { time: 'soon', msgid_client: 'm', roomId: '1', fromAccount: 'a', type: '0' } }), 'desc.time'],
  ])('%s: a NimTransportError naming the field, not a string typed as an object', async (_, op, body, field) => {
    const meta = operationTable[op as OperationId];
    answer.set(meta.path, body);
    const call = (nim() as any)[meta.group][meta.action] as (body: unknown) => Promise<unknown>;
    const error = await call(cases[op as OperationId]!.request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimTransportError);
    expect((error as Error).message).toContain(`\`${field}\` in neither documented encoding`);
  });
});
