// Named types and constants: compile-time checks (tsc --noEmit runs over this file) and what the compiler itself
// prints in errors and hovers for a consumer's code.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ChatroomMsgType,
  createNimClient,
  QchatAuthDecision,
  QchatInviteMode,
  QchatMsgStatus,
  type ChatroomSendMsgRequest,
  type components,
  type NimClient,
  type OkBody,
  type QchatCreateServerOk,
  type QchatCreateServerRequest,
  type QchatGetServerMemberListPageOk,
  type QchatRemoveServerOk,
  type QchatServerInfo,
  type QchatServerMember,
  type RequestBody,
} from '../src/index.js';

type Qchat = NimClient['qchat'];

describe('every operation has named request and success types, used by the facade', () => {
  it('facade signatures take and resolve with the named types', () => {
    expectTypeOf<Qchat['createServer']>().parameter(0).toEqualTypeOf<QchatCreateServerRequest>();
    expectTypeOf<Qchat['createServer']>().returns.resolves.toEqualTypeOf<QchatCreateServerOk>();
    expectTypeOf<Qchat['removeServer']>().returns.resolves.toEqualTypeOf<QchatRemoveServerOk>();
    expectTypeOf<NimClient['chatroom']['sendMsg']>().parameter(0).toEqualTypeOf<ChatroomSendMsgRequest>();
    expectTypeOf<RequestBody<'qchatCreateServer'>>().toEqualTypeOf<QchatCreateServerRequest>();
    expectTypeOf<OkBody<'qchatGetServerMemberListPage'>>().toEqualTypeOf<QchatGetServerMemberListPageOk>();
  });

  it('records are named and reused: QchatServerInfo inside QchatCreateServerOk, the components map points at them', () => {
    expectTypeOf<QchatCreateServerOk['serverInfo']>().toEqualTypeOf<QchatServerInfo>();
    expectTypeOf<QchatGetServerMemberListPageOk['serverMembers']>().toEqualTypeOf<QchatServerMember[]>();
    expectTypeOf<components['schemas']['QchatServerInfo']>().toEqualTypeOf<QchatServerInfo>();
    expectTypeOf<QchatServerInfo['serverId']>().toEqualTypeOf<string>();
  });

  it('coded fields take their named unions', () => {
    expectTypeOf<QchatServerInfo['inviteMode']>().toEqualTypeOf<QchatInviteMode | undefined>();
    expectTypeOf<ChatroomSendMsgRequest['msgType']>().toEqualTypeOf<ChatroomMsgType>();
    expectTypeOf<ChatroomMsgType>().toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 6 | 10 | 100>();
  });

  it('wrong field names, wrong coded values and missing required fields do not compile', () => {
    const send = (body: ChatroomSendMsgRequest) => body;
    const ok = { roomid: '1', msgId: 'm', fromAccid: 'a', msgType: ChatroomMsgType.Text } satisfies ChatroomSendMsgRequest;
    // @ts-expect-error `roomId` is not a field (the vendor spells it `roomid`)
    send({ ...ok, roomId: '1' });
    // @ts-expect-error 5 is not a ChatroomMsgType
    send({ ...ok, msgType: 5 });
    // @ts-expect-error msgType is required
    send({ roomid: '1', msgId: 'm', fromAccid: 'a' });
    // @ts-expect-error inviteMode is 0 or 1
    const bad: QchatCreateServerRequest = { accid: 'a', inviteMode: 2 };
    const good: QchatCreateServerRequest = { accid: 'a', inviteMode: QchatInviteMode.NoAcceptance };
    expect([send(ok).msgType, bad.accid, good.inviteMode]).toEqual([0, 'a', 1]);
  });
});

describe('named constants', () => {
  it('map the vendor meanings to the wire values', () => {
    expect(ChatroomMsgType).toEqual({ Text: 0, Picture: 1, Audio: 2, Video: 3, Location: 4, File: 6, Tip: 10, Custom: 100 });
    expect(QchatInviteMode).toEqual({ NeedsAcceptance: 0, NoAcceptance: 1 });
    // A set some schemas use only in part (server-level permissions have no Inherit) is whole here.
    expect(QchatAuthDecision).toEqual({ Deny: -1, Inherit: 0, Allow: 1 });
    expect(QchatMsgStatus.Recalled).toBe(1);
    expectTypeOf(QchatInviteMode.NoAcceptance).toEqualTypeOf<1>();
  });

  it('are what createNimClient sends (a body built with constants passes validation)', async () => {
    const sent: string[] = [];
    const nim = createNimClient({
      appKey: 'k',
      appSecret: 'named-types-secret',
      baseUrl: 'http://127.0.0.1:9/nimserver',
      retry: false,
      fetch: async (_url, init) => {
        sent.push(String(init.body));
        return new Response('{"code":200,"desc":{"roomid":1,"msgid_client":"m"}}', { status: 200 });
      },
    });
    await nim.chatroom.sendMsg({ roomid: '1', msgId: 'm', fromAccid: 'a', msgType: ChatroomMsgType.Custom, attach: '{}' });
    expect(sent[0]).toContain('msgType=100');
  });
});

describe('64-bit counts (x-nim-int64)', () => {
  it('are exact decimal strings, in the types and at run time, like ids', async () => {
    expectTypeOf<QchatServerInfo['memberNumber']>().toEqualTypeOf<string | undefined>();
    const nim = createNimClient({
      appKey: 'k',
      appSecret: 'named-types-secret',
      baseUrl: 'http://127.0.0.1:9/nimserver',
      fetch: async () => new Response('{"code":200,"serverInfo":{"serverId":9223372036854775807,"memberNumber":9007199254740993,"channelNumber":3,"createTime":1700000000000}}'),
    });
    const { serverInfo } = await nim.qchat.createServer({ accid: 'a' });
    expect(serverInfo).toMatchObject({ serverId: '9223372036854775807', memberNumber: '9007199254740993', channelNumber: '3', createTime: 1700000000000 });
  });
});

describe('what a consumer sees from the compiler', () => {
  const file = fileURLToPath(new URL('./consumer-fixture.ts', import.meta.url));
  const index = fileURLToPath(new URL('../src/index.js', import.meta.url)).replace(/\\/g, '/');
  const source = `import { createNimClient } from ${JSON.stringify(index)};
const nim = createNimClient({ appKey: 'k', appSecret: 's' });
export const create = nim.qchat.createServer;
export const created = nim.qchat.createServer({ accid: 'a', inviteMod: 1 });
export const sent = nim.chatroom.sendMsg({ roomid: '1', msgId: 'm', fromAccid: 'a', msgType: 5 });
`;

  let compiled: { program: ts.Program; sourceFile: ts.SourceFile } | undefined;
  function compile() {
    if (compiled) return compiled;
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], skipLibCheck: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    host.readFile = (name) => (name === file ? source : read(name));
    host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
    const program = ts.createProgram([file], options, host);
    return (compiled = { program, sourceFile: program.getSourceFile(file)! });
  }

  it('errors name the request type and the enum, not the structure', () => {
    const { program, sourceFile } = compile();
    const messages = ts.getPreEmitDiagnostics(program, sourceFile).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/'inviteMod' does not exist in type 'QchatCreateServerRequest'/);
    expect(messages[1]).toMatch(/Type '5' is not assignable to type 'ChatroomMsgType'/);
  });

  it('hovers show the method with named types', () => {
    const { program, sourceFile } = compile();
    const checker = program.getTypeChecker();
    const create = sourceFile.statements.map((s) => (ts.isVariableStatement(s) ? s.declarationList.declarations[0]! : undefined)).find((d) => d?.name.getText(sourceFile) === 'create')!;
    const shown = checker.typeToString(checker.getTypeAtLocation(create.name));
    expect(shown).toMatch(/^\(body: QchatCreateServerRequest, options\?: CallOptions( \| undefined)?\) => Promise<QchatCreateServerOk>$/);
  });
});
