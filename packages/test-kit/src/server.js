// A real HTTP server on 127.0.0.1 (port 0) that records every request and answers from a script.
import { createServer } from 'node:http';

/**
 * @typedef {object} Recorded
 * @property {string} method
 * @property {string} url
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} body
 */

/**
 * What to answer: a body (HTTP 200 unless `status`), no answer at all, or a reset connection.
 * @typedef {{ status?: number, body: string, contentType?: string } | { hang: true } | { destroy: true }} Answer
 */

/** @typedef {(request: Recorded, index: number) => Answer} Script */

/**
 * @typedef {object} TestServer
 * @property {string} url base URL for the client: http://127.0.0.1:<port>/nimserver
 * @property {Recorded[]} requests every request, in arrival order
 * @property {() => Promise<void>} close closes the server and every connection, hanging ones included
 */

/**
 * A JSON answer.
 * @param {unknown} value
 * @param {number} [status]
 * @returns {Answer}
 */
export const json = (value, status = 200) => ({ status, body: JSON.stringify(value) });

/**
 * @param {Script | string} [script] how to answer each request; a string is the same JSON text every time
 * @returns {Promise<TestServer>}
 */
export async function startServer(script = () => json({ code: 200 })) {
  /** @type {Script} */
  const answerOf = typeof script === 'string' ? () => ({ body: script }) : script;
  /** @type {Recorded[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Set<import('node:http').ServerResponse>} */
  const hanging = new Set();
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const answer = answerOf(recorded, requests.length - 1);
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
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/nimserver`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * A loopback base URL on which nothing listens (connection refused).
 * @returns {Promise<string>}
 */
export async function closedPortUrl() {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return `http://127.0.0.1:${port}/nimserver`;
}

/**
 * @param {import('node:http').Server} server
 * @returns {Promise<number>}
 */
async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return address.port;
}
