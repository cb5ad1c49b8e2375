// Runs on any runtime (Node, Bun, Deno): the built package, imported by name as a user does, against a mock whose
// URL and credentials come as arguments. Prints one JSON line with what it saw; runtimes.test.ts checks it.
import { createNimClient, NimApiError, verifyCallback, checkSum, specVersion } from '@nimkit/client';
import { createNimClient as createCoreClient } from '@nimkit/client/core';

const [baseUrl, appKey, appSecret] = globalThis.Deno ? Deno.args : globalThis.process.argv.slice(2);
const nim = createNimClient({ appKey, appSecret, baseUrl, retry: false });
const { serverInfo } = await nim.qchat.createServer({ accid: 'zhangsan', name: 'smoke' });
const { serverInfos } = await nim.qchat.getServers({ serverIds: [serverInfo.serverId, '9223372036854775807'] });
const sent = await createCoreClient({ appKey, appSecret, baseUrl, retry: false }).chatroom.sendMsg({
  roomid: '6001',
  msgId: 'smoke-1',
  fromAccid: 'zhangsan',
  msgType: 0,
  attach: 'hello',
});
let apiError;
try {
  await createNimClient({ appKey, appSecret: 'wrong-secret', baseUrl, retry: false }).qchat.getServers({ serverIds: ['1'] });
} catch (error) {
  apiError = error instanceof NimApiError ? { code: error.code, hint: Boolean(error.hint) } : String(error);
}
let validation;
try {
  await nim.qchat.getServers({ serverIds: [] });
} catch (error) {
  validation = error.name;
}
const md5OfEmptyObject = '99914b932bd37a50b983c5e7c90ae93b';
const curTime = String(Math.floor(Date.now() / 1000));
const callback = verifyCallback({
  headers: { MD5: md5OfEmptyObject, CurTime: curTime, CheckSum: checkSum(appSecret, md5OfEmptyObject, curTime) },
  rawBody: '{}',
  appSecret,
});
console.log(
  JSON.stringify({
    serverIdType: typeof serverInfo.serverId,
    serverIdTypes: serverInfos.map((s) => typeof s.serverId),
    sendMsgCode: sent.code,
    apiError,
    validation,
    callback: callback.ok,
    specVersion,
  }),
);
