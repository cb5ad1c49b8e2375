// Compile-time checks of the public types (tsc --noEmit runs over this file), plus their runtime counterparts.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ChatroomSendMsgRequest,
  ChatroomSendMsgResponse,
  NimClient,
  OkBody,
  OperationId,
  QchatGetServersRequest,
  QchatGetServersResponse,
  RequestBody,
} from '../src/index.js';
import { createNimClient, operationTable } from '../src/index.js';

describe('facade types', () => {
  it('each method takes the typed request body and resolves with the typed success body', () => {
    expectTypeOf<NimClient['qchat']['getServers']>().parameter(0).toEqualTypeOf<QchatGetServersRequest>();
    expectTypeOf<NimClient['qchat']['getServers']>().returns.resolves.toEqualTypeOf<QchatGetServersResponse>();
    expectTypeOf<NimClient['chatroom']['sendMsg']>().returns.resolves.toEqualTypeOf<ChatroomSendMsgResponse>();
    expectTypeOf<ChatroomSendMsgRequest>().toEqualTypeOf<RequestBody<'chatroomSendMsg'>>();
  });

  it('ids are strings in and out; JSON-in-form fields take plain values', () => {
    expectTypeOf<QchatGetServersRequest['serverIds']>().toEqualTypeOf<string[]>();
    expectTypeOf<QchatGetServersResponse['serverInfos'][number]['serverId']>().toEqualTypeOf<string>();
    expectTypeOf<OkBody<'qchatCreateServer'>['serverInfo']['serverId']>().toEqualTypeOf<string>();
    expectTypeOf<OkBody<'qchatCreateServer'>['code']>().toEqualTypeOf<200>();
  });

  it('fields with a vendor default are optional', () => {
    expectTypeOf<{ accid: string }>().toMatchTypeOf<RequestBody<'qchatCreateServer'>>();
  });

  it('call() is typed by operationId', () => {
    expectTypeOf<NimClient['call']>().toBeFunction();
    type Call = NimClient['call'];
    expectTypeOf<ReturnType<typeof callGetServers>>().resolves.toEqualTypeOf<QchatGetServersResponse>();
    function callGetServers(call: Call) {
      return call('qchatGetServers', { serverIds: ['1'] });
    }
  });

  it('every operationId is a facade method at runtime', () => {
    const nim = createNimClient({ appKey: 'k', appSecret: 'types-secret' });
    const ids = Object.keys(operationTable) as OperationId[];
    expect(ids).toHaveLength(102);
    for (const id of ids) {
      const { group, action } = operationTable[id];
      expect(typeof (nim[group] as unknown as Record<string, unknown>)[action]).toBe('function');
    }
    expect(Object.isFrozen(nim)).toBe(true);
  });
});
