// A real HTTP server on 127.0.0.1 (port 0) that records every request and answers from a script.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: a JSON-able body (HTTP 200), or full control. */
export type Answer =
  | { status?: number; body: string; contentType?: string }
  | { hang: true }
  | { destroy: true };

export type Script = (request: Recorded, index: number) => Answer;

export interface TestServer {
  /** Base URL for the client: http://127.0.0.1:<port>/nimserver */
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export const json = (value: unknown, status = 200): Answer => ({ status, body: JSON.stringify(value) });

export async function startServer(script: Script = () => json({ code: 200 })): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const answer = script(recorded, requests.length - 1);
      if ('hang' in answer) {
        hanging.add(res);
        return;
      }
      if ('destroy' in answer) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'application/json; charset=utf-8' }).end(answer.body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/nimserver`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback base URL on which nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/nimserver`;
}
