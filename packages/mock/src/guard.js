// The mock protects itself from slow, stalled and greedy clients (docs/adr/0050): a request must arrive whole within
// requestTimeoutMs of its first byte (its headers within headersTimeoutMs), a connection silent for idleTimeoutMs
// before its first request or in the middle of a body is closed, and at most maxConnections are open at once. Each
// cut is logged; other connections are not affected.
/** @type {Record<number, string>} */
const STATUS_TEXT = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Returns { serverOptions } for createServer, attach(server) for the connection guards, request(req) per request.
 * @param {Pick<import('./options.js').ResolvedOptions, 'headersTimeoutMs' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'maxConnections'>} o
 * @param {((line: string) => void) | undefined} log
 */
export function createGuard(o, log) {
  // One log line per cut, in the request lines' layout: `<time> <who> [http=<status>] <what happened>`.
  /** @type {(who: string, what: string, status?: number) => void} */
  const note = (who, what, status) => log?.([new Date().toISOString(), who, status ? `http=${status}` : '', what].filter(Boolean).join(' '));

  const shortest = Math.min(...[o.headersTimeoutMs, o.requestTimeoutMs].filter((ms) => ms > 0), 4_000);
  const serverOptions = {
    requestTimeout: o.requestTimeoutMs,
    // node:http refuses a header deadline longer than the request deadline.
    headersTimeout: o.requestTimeoutMs > 0 && o.headersTimeoutMs > 0 ? Math.min(o.headersTimeoutMs, o.requestTimeoutMs) : o.headersTimeoutMs || o.requestTimeoutMs,
    // node:http checks both deadlines on this interval (30 s by default): often enough for short values in tests.
    connectionsCheckingInterval: Math.max(10, Math.floor(shortest / 4)),
  };

  // A new connection that stays silent: logged here, closed by node:http (no server 'timeout' listener).
  /** @type {WeakMap<import('node:net').Socket, () => void>} */
  const silent = new WeakMap();

  /** @param {import('node:http').Server} server */
  function attach(server) {
    server.maxConnections = o.maxConnections;
    server.on('drop', (data) => note(`connection from ${data?.remoteAddress ?? '?'}`, `refused: ${o.maxConnections} connections open (maxConnections)`));
    server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, /** @type {import('node:stream').Duplex & { remoteAddress?: string, _httpMessage?: { headersSent?: boolean } }} */ socket) => {
      const answer = clientErrorAnswer(error);
      if (answer) note(`connection from ${socket.remoteAddress ?? '?'}`, `cut off: ${answer.desc}`, answer.status);
      // node:http's default writes a bare status line; the vendor's JSON shape keeps clients on their usual path.
      if (answer && socket.writable && !socket._httpMessage?.headersSent) {
        const text = JSON.stringify({ code: answer.code, desc: answer.desc });
        socket.end(
          `HTTP/1.1 ${answer.status} ${STATUS_TEXT[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
        );
      }
      /** @type {import('node:net').Socket} */ (socket).destroySoon();
    });
    if (o.idleTimeoutMs > 0) {
      server.on('connection', (socket) => {
        const from = socket.remoteAddress;
        const log = () => note(`connection from ${from}`, `closed: silent for ${o.idleTimeoutMs} ms before a complete request (idleTimeoutMs)`);
        silent.set(socket, log);
        socket.setTimeout(o.idleTimeoutMs);
        socket.once('timeout', log);
      });
    }
  }

  /** @param {import('node:http').IncomingMessage} req */
  function request(req) {
    if (!(o.idleTimeoutMs > 0)) return;
    const socket = req.socket;
    const log = silent.get(socket);
    if (log) socket.off('timeout', log);
    // A body silent this long: the request's own timeout, so node:http leaves the socket to us.
    req.setTimeout(o.idleTimeoutMs, () => {
      note(`${req.method} ${req.url}`, `cut off: body silent for ${o.idleTimeoutMs} ms (idleTimeoutMs)`);
      socket.destroy();
    });
    req.once('end', () => socket.setTimeout(0));
  }

  return { serverOptions, attach, request };
}

/**
 * What to answer to an error node:http found before a request reached the handler; undefined: just close.
 * @param {NodeJS.ErrnoException | undefined} error
 */
function clientErrorAnswer(error) {
  switch (error?.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 408, desc: 'nim-mock: the request did not arrive whole in time (requestTimeoutMs / headersTimeoutMs)' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 414, desc: 'param error: request headers too large' };
    default:
      return { status: 400, code: 414, desc: `param error: malformed HTTP request (${String(error?.code ?? error?.message ?? 'unknown')})` };
  }
}
