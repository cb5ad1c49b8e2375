// Callbacks (抄送) end to end: a QA service's receiver on loopback gets the stateful mock's callbacks and accepts them
// with @nimkit/client's own verifyCallback, as it would accept the vendor's.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNimClient, verifyCallback } from '@nimkit/client';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from '../support/mock.js';

const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end();
  });
});
let mock: Mock;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as { port: number };
  mock = await startTestMock({ mode: 'stateful', callbackUrl: `http://127.0.0.1:${port}/receiveMsg.action` });
});
afterAll(async () => {
  await mock.close();
  receiver.closeAllConnections();
  receiver.close();
});

it('a chatroom message sent through the client arrives as 聊天室消息抄送 that verifyCallback accepts', async () => {
  const nim = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, retry: false });
  const { chatroom } = await nim.chatroom.create({ creator: 'qa_alice', name: 'callback room' });
  await nim.chatroom.sendMsg({ roomid: chatroom.roomid, msgId: 'cb-1', fromAccid: 'qa_alice', msgType: 0, attach: 'hello' });

  const deadline = Date.now() + 10_000;
  const isMessage = (r: (typeof received)[number]) => JSON.parse(r.body).eventType === '4';
  while (!received.some(isMessage) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const delivery = received.find(isMessage);
  expect(delivery, 'no eventType 4 callback arrived').toBeDefined();

  expect(verifyCallback({ headers: delivery!.headers as Record<string, string>, rawBody: delivery!.body, appSecret: APP_SECRET, appKey: APP_KEY })).toEqual({ ok: true });
  expect(JSON.parse(delivery!.body)).toMatchObject({ eventType: '4', roomId: String(chatroom.roomid), msgidClient: 'cb-1', fromAccount: 'qa_alice', attach: 'hello' });
  // A body changed on the way, or signed with another secret, is refused.
  expect(verifyCallback({ headers: delivery!.headers as Record<string, string>, rawBody: delivery!.body + ' ', appSecret: APP_SECRET }).ok).toBe(false);
  expect(verifyCallback({ headers: delivery!.headers as Record<string, string>, rawBody: delivery!.body, appSecret: 'other-secret' }).ok).toBe(false);
});
