#!/usr/bin/env node
// RSS of a stateful mock holding 1,000,000 chatroom messages (1,000 rooms x 1,000 messages, the default
// --max-messages), next to the same process with an empty state. Run by run.mjs as a child with --expose-gc; prints
// one JSON line. The messages go through the emulator's own chatroom handlers (createEmulator().apply), the code
// path of a POST /chatroom/sendMsg.action after validation, so the stored shape is exactly what the mock keeps.
import { startMock } from '@nimkit/mock';

// The emulator's internals are not part of @nimkit/mock's exports; the benchmark finds them next to the package's
// resolved entry (src/index.js) instead of reaching into packages/mock/ by a relative path.
const internal = (file) => import(new URL(file, import.meta.resolve('@nimkit/mock')).href);
const { createEmulator } = await internal('./emulator/emulator.js');
const { DEFAULT_ID_START, DEFAULT_MAX_MESSAGES } = await internal('./emulator/context.js');

const ROOMS = 1_000;
const PER_ROOM = DEFAULT_MAX_MESSAGES;
const rssMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};

const mock = await startMock({ port: 0, log: false }); // Prism, the server and the models loaded, as in production
const emptyMb = rssMb();
const emulator = createEmulator({ operationIds: ['chatroomCreate', 'chatroomSendMsg'], idStart: DEFAULT_ID_START, now: Date.now, maxMessages: DEFAULT_MAX_MESSAGES });
const started = performance.now();
for (let r = 0; r < ROOMS; r++) {
  const roomid = String(DEFAULT_ID_START + BigInt(r));
  const created = emulator.apply('bench', 'chatroomCreate', `creator=qa_${r}&name=room${r}`);
  if (created.body.code !== 200) throw new Error(`create: ${JSON.stringify(created.body)}`);
  for (let i = 0; i < PER_ROOM; i++) {
    const sent = emulator.apply('bench', 'chatroomSendMsg', `roomid=${roomid}&msgId=m${r}-${i}&fromAccid=qa_${r}&msgType=0&attach=hello%20${i}`);
    if (sent.body.code !== 200) throw new Error(`sendMsg: ${JSON.stringify(sent.body)}`);
  }
}
const seconds = (performance.now() - started) / 1000;
const fullMb = rssMb();
await mock.close();
console.log(JSON.stringify({ messages: ROOMS * PER_ROOM, rooms: ROOMS, emptyMb: Math.round(emptyMb), fullMb: Math.round(fullMb), seconds: Number(seconds.toFixed(1)) }));
