// A small loopback HTTP server that records what the client sends and answers a fixed body.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function startCaptureServer(answer: string | ((req: Captured) => string) = '{"code":200}') {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(captured);
      const text = typeof answer === 'function' ? answer(captured) : answer;
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/nimserver`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
