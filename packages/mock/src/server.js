// The mock's HTTP front: reads bodies (bounded, decoded as UTF-8), runs the handler, writes JSON, logs one line per
// request, shuts down cleanly. Timeouts and connection caps are in guard.js.
import { createServer } from 'node:http';
import { createEncoder } from './encoding.js';
import { createHandler, PREFIX } from './handler.js';
import { formatLogLine } from './log.js';
import { DEFAULTS, resolveOptions } from './options.js';
import { decodeBody } from './form.js';
import { createGuard } from './guard.js';
import { PARAM_ERROR, vendorBody } from './vendor.js';

export { DEFAULTS };

/**
 * Starts the mock. Resolves to { url, port, host, appKey, server, close() } once it accepts connections.
 * See index.d.ts for the options.
 */
export async function startMock(options = {}) {
  const o = resolveOptions(options);
  const answer = await createHandler(o);
  const guard = createGuard(o, o.log);
  const encode = createEncoder(o.spec, o.encoding);
  let closing = false;
  let buffered = 0; // body bytes held across requests in flight (maxBufferedBytes)

  const server = createServer(guard.serverOptions, (req, res) => {
    const started = performance.now();
    guard.request(req);
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let held = 0;
    let busy = false;
    const release = () => {
      buffered -= held;
      held = 0;
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > o.bodyLimitBytes || busy) return; // read on and discard: the answer comes at the end
      if (buffered + chunk.length > o.maxBufferedBytes) {
        busy = true;
        return release();
      }
      chunks.push(chunk);
      held += chunk.length;
      buffered += chunk.length;
    });
    req.on('error', () => {}); // a client that hangs up mid-body gets no answer; nothing to clean up
    req.on('close', release);
    req.on('end', async () => {
      const bytes = Buffer.concat(chunks);
      release();
      let outcome;
      try {
        outcome =
          size > o.bodyLimitBytes
            ? { body: vendorBody(PARAM_ERROR, `param error: body larger than ${o.bodyLimitBytes} bytes`) }
            : busy
              ? { status: 503, body: vendorBody(503, `nim-mock: busy, more than ${o.maxBufferedBytes} body bytes buffered; retry later`) }
              : await answer({ method: req.method, url: req.url, headers: req.headers, body: decodeBody(bytes) });
      } catch (error) {
        // A bug of the mock, not a simulated vendor failure (docs/adr/0020): HTTP 500 so no client retries it as code 500.
        outcome = { status: 500, body: vendorBody(500, `nim-mock internal error: ${error instanceof Error ? error.message : String(error)}`) };
      }
      // The one place every answer passes, whichever mode produced it: the encoding transform goes here (docs/adr/0042).
      outcome = encode(outcome, req.headers);
      const text = JSON.stringify(outcome.body);
      /** @type {Record<string, string | number>} */
      const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
      if (closing) headers.Connection = 'close';
      res.writeHead(outcome.status ?? 200, headers);
      res.end(req.method === 'HEAD' ? undefined : text);
      if (o.log && !outcome.quiet) {
        o.log(formatLogLine({ time: Date.now(), method: req.method, url: req.url, ms: performance.now() - started, ...outcome }));
      }
    });
  });
  guard.attach(server);
  server.keepAliveTimeout = 65_000; // longer than common client pools' idle timeouts, so the client closes first

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host;

  /** @type {Promise<void> | undefined} */
  let closed;
  /** Stops accepting connections, lets requests in flight finish (up to shutdownGraceMs), then closes every socket. */
  function close() {
    if (closed) return closed;
    closing = true;
    closed = new Promise((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), o.shutdownGraceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        o.log?.flush?.();
        resolve();
      });
      server.closeIdleConnections();
    });
    return closed;
  }

  return { url: `http://${hostForUrl}:${port}${PREFIX}`, port, host: o.host, appKey: o.appKey, server, close };
}
