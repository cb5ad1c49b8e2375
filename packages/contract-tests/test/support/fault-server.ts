// A loopback HTTP server that misbehaves on purpose: each test installs how it answers (or fails to answer) the
// n-th attempt of a call, and the server records every request and every answer the client walked away from.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { closedPortUrl } from '@nimkit/test-kit';

export interface Received {
  /** 1 for the first request since the last reset. */
  attempt: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request was complete. */
  at: number;
}

export type Serve = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

export async function startFaultServer() {
  let serve: Serve = (_req, res) => res.end('{"code":200}');
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  /** Requests whose connection closed before the server finished its answer (the client gave up on them). */
  let abandoned = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { attempt: received.length + 1, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() };
      received.push(r);
      res.on('close', () => {
        if (!res.writableFinished) abandoned++;
      });
      serve(req, res, r.attempt);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/nimserver`,
    received,
    get abandoned() {
      return abandoned;
    },
    /** Installs the behaviour for the next call and forgets what was recorded. */
    use(next: Serve) {
      serve = next;
      received.length = 0;
      abandoned = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FaultServer = Awaited<ReturnType<typeof startFaultServer>>;

/**
 * Registers a suite's fault environment: a fault server, the URL of a closed port, and a record of unhandled
 * rejections seen while the suite runs (fields are set in beforeAll).
 */
export function useFaultServer() {
  const env = { server: undefined as unknown as FaultServer, refusedUrl: '', unhandled: [] as unknown[] };
  const onUnhandled = (reason: unknown) => env.unhandled.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    env.server = await startFaultServer();
    env.refusedUrl = await closedPortUrl();
  });
  afterAll(async () => {
    await env.server.close();
    process.off('unhandledRejection', onUnhandled);
  });
  return env;
}

/** Polls `condition` every 10 ms for at most `ms`; resolves to its last value. */
export async function eventually(condition: () => boolean, ms = 3_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return condition();
}
