#!/usr/bin/env node
// The README's main job after the build: the mock and the docs page, both on 127.0.0.1, until Ctrl-C.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMock } from '@nimkit/mock';

const host = '127.0.0.1';
const mockPort = Number(process.env.NIM_MOCK_PORT ?? 4010);
const docsPort = Number(process.env.NIM_DOCS_PORT ?? 8080);
const page = readFileSync(fileURLToPath(new URL('../packages/docs/dist/index.html', import.meta.url)));

const mock = await startMock({ host, port: mockPort });
const docs = createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length });
    res.end(page);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});
await new Promise((resolve) => docs.listen(docsPort, host, () => resolve(undefined)));

console.log(`mock: ${mock.url}  (AppKey ${mock.appKey}, AppSecret nim-mock-secret)`);
console.log(`docs: http://${host}:${docsPort}/`);
console.log('Ctrl-C to stop.');
const stop = async () => {
  docs.close();
  await mock.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
