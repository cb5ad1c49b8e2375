// The mock's HTTP front: reads bodies (bounded, decoded as UTF-8), runs the vendor handler (or the control API under
// /_mock/), applies the encoding transform, writes JSON (ids above 2^53 exact), journals and logs one line per
// request, saves the state file and shuts down cleanly. Timeouts and connection caps are in guard.js.
import { createWriteStream, readFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createCallbacks } from './emulator/callbacks.js';
import { CONTROL_PREFIX, createControl } from './emulator/control.js';
import { createEmulator } from './emulator/emulator.js';
import { createFaults } from './emulator/faults.js';
import { createJournal } from './emulator/journal.js';
import { stringifyBody } from './emulator/json.js';
import { createEncoder } from './encoding.js';
import { decodeBody } from './form.js';
import { createGuard } from './guard.js';
import { createHandler, PREFIX } from './handler.js';
import { formatLogLine } from './log.js';
import { DEFAULTS, resolveOptions } from './options.js';
import { operationsByPath } from './spec.js';
import { PARAM_ERROR, vendorBody } from './vendor.js';

export { DEFAULTS };

/** Largest control API body (a state snapshot or fixture); the vendor routes keep `bodyLimitBytes`. */
const CONTROL_BODY_LIMIT = 512 * 1024 * 1024;

/**
 * Starts the mock. Resolves to { url, port, host, appKey, mode, server, close() } once it accepts connections.
 * See index.d.ts for the options.
 * @param {import('./index.js').MockOptions} [options]
 */
export async function startMock(options = {}) {
  const o = resolveOptions(options);
  const callbacks = o.callbackUrl ? createCallbacks({ url: o.callbackUrl, appSecret: o.appSecret, log: o.log, ...o.callbackRetry }) : undefined;
  const emulator =
    o.mode === 'stateful'
      ? createEmulator({
          operationIds: [...operationsByPath(o.spec).values()].map((op) => op.operationId),
          idStart: o.idStart,
          now: o.clock !== undefined ? () => /** @type {number} */ (o.clock) : o.now,
          accounts: o.accounts,
          maxMessages: o.maxMessages,
          store: o.store,
          callbacks,
        })
      : undefined;
  if (emulator && o.stateFile) loadStateFile(emulator, o.stateFile);
  const faults = createFaults();
  const journal = createJournal({ appSecret: o.appSecret });
  const answer = await createHandler(o, { emulator, faults });
  const control = createControl({ o, emulator, journal, faults, callbacks });
  const guard = createGuard(o, o.log);
  const encode = createEncoder(o.spec, o.encoding);
  let closing = false;
  let buffered = 0; // vendor-request body bytes held across requests in flight (maxBufferedBytes)

  const server = createServer(guard.serverOptions, (req, res) => {
    const started = performance.now();
    guard.request(req);
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const isControl = pathname === CONTROL_PREFIX || pathname.startsWith(CONTROL_PREFIX + '/');
    const limit = isControl ? CONTROL_BODY_LIMIT : o.bodyLimitBytes;
    /** @type {Buffer[]} */
    const chunks = [];
    const controlText = isControl ? createTextCollector() : undefined;
    let size = 0;
    let held = 0;
    let busy = false;
    const release = () => {
      buffered -= held;
      held = 0;
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit || busy) return; // read on and discard: the answer comes at the end
      if (!isControl) {
        if (buffered + chunk.length > o.maxBufferedBytes) {
          busy = true;
          return release();
        }
        held += chunk.length;
        buffered += chunk.length;
      }
      if (controlText) controlText.add(chunk);
      else chunks.push(chunk);
    });
    req.on('error', () => {}); // a client that hangs up mid-body gets no answer; nothing to clean up
    req.on('close', release);
    req.on('end', async () => {
      release();
      const body = controlText ? controlText.text() : decodeBody(Buffer.concat(chunks));
      /** @type {import('./handler.js').Outcome} */
      let outcome;
      try {
        if (size > limit) outcome = { body: vendorBody(PARAM_ERROR, `param error: body larger than ${limit} bytes`) };
        else if (busy) outcome = { status: 503, body: vendorBody(503, `nim-mock: busy, more than ${o.maxBufferedBytes} body bytes buffered; retry later`) };
        else if (isControl) {
          const query = new URLSearchParams((req.url ?? '').slice(pathname.length));
          outcome = await control({ method: req.method ?? '', pathname, query, headers: req.headers, body: body ?? '' });
        } else outcome = await answer({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      } catch (error) {
        outcome = internalError(error);
      }
      if (!isControl && outcome.operationId !== undefined) {
        journal.record({
          time: Date.now(),
          // the app whose state it used (node:http gives a custom header once, as a string)
          appKey: /** @type {string | null} */ (o.auth ? (req.headers.appkey ?? null) : req.headers.appkey || o.appKey),
          operationId: outcome.operationId,
          path: pathname,
          body: body ?? '',
          code: outcome.drop ? null : outcome.body?.code,
          status: outcome.drop ? null : (outcome.status ?? 200),
          fault: outcome.fault,
        });
      }
      if (outcome.delayMs) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
      if (outcome.drop) {
        req.socket.destroy();
      } else if (outcome.stream) {
        await writeStream(res, outcome.stream, outcome.status);
      } else {
        // The one place every vendor answer passes, whichever mode produced it: the encoding transform (docs/adr/0042).
        if (!isControl) {
          try {
            outcome = encode(outcome, req.headers);
          } catch (error) {
            outcome = internalError(error);
          }
        }
        const text = stringifyBody(outcome.body);
        /** @type {Record<string, string | number>} */
        const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
        if (closing) headers.Connection = 'close';
        res.writeHead(outcome.status ?? 200, headers);
        res.end(req.method === 'HEAD' ? undefined : text);
      }
      if (o.log && !outcome.quiet && !isControl) {
        o.log(formatLogLine({ time: Date.now(), method: req.method, url: req.url, ms: performance.now() - started, ...outcome, body: outcome.drop ? { code: 'dropped' } : outcome.body }));
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
  /** Stops accepting connections, lets requests in flight finish (up to shutdownGraceMs), saves the state file. */
  function close() {
    if (closed) return closed;
    closing = true;
    closed = new Promise((resolve, reject) => {
      const force = setTimeout(() => server.closeAllConnections(), o.shutdownGraceMs);
      force.unref();
      server.close(async () => {
        clearTimeout(force);
        try {
          if (emulator && o.stateFile) await saveStateFile(emulator, o.stateFile);
          o.log?.flush?.();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
      server.closeIdleConnections();
    });
    return closed;
  }

  return { url: `http://${hostForUrl}:${port}${PREFIX}`, port, host: o.host, appKey: o.appKey, mode: o.mode, server, close };
}

/**
 * A bug of the mock, not a simulated vendor failure (docs/adr/0020): HTTP 500 so no client retries it as code 500.
 * @param {unknown} error
 * @returns {import('./handler.js').Outcome}
 */
function internalError(error) {
  return { status: 500, body: vendorBody(500, `nim-mock internal error: ${error instanceof Error ? error.message : String(error)}`) };
}

/**
 * Streams a snapshot: other apps are served between its pieces.
 * @param {import('node:http').ServerResponse} res
 * @param {AsyncIterable<string> | Iterable<string>} stream
 * @param {number} [status]
 */
async function writeStream(res, stream, status = 200) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  try {
    await pipeline(Readable.from(stream), res);
  } catch {
    res.destroy(); // the reader went away; the generator's finally released the app it held
  }
}

/**
 * Control bodies (a snapshot may be tens of MB) are decoded chunk by chunk as they arrive rather than in one go at the
 * end, which would hold every app for a while; text() is null when a byte is not UTF-8 (as decodeBody).
 */
function createTextCollector() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** @type {string[] | null} */
  let parts = [];
  return {
    /** @param {Buffer} chunk */
    add(chunk) {
      try {
        parts?.push(decoder.decode(chunk, { stream: true }));
      } catch {
        parts = null;
      }
    },
    text() {
      try {
        return parts && [...parts, decoder.decode()].join('');
      } catch {
        return null;
      }
    },
  };
}

/**
 * Loads --state-file when it exists (a missing file is a first start).
 * Synchronous (one JSON.parse), unlike PUT /_mock/state: it runs before the server listens, so no app waits on it.
 * @param {{ load(snapshot: unknown): void }} emulator
 * @param {string} path
 */
function loadStateFile(emulator, path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException} */ (error);
    if (e.code === 'ENOENT') return;
    throw new Error(`cannot read the state file ${path}: ${e.message}`);
  }
  try {
    emulator.load(JSON.parse(text));
  } catch (error) {
    throw new Error(`the state file ${path} is not a nim-mock state snapshot: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Writes the state next to the file, then renames it over: a crash mid-save never leaves half a file.
 * @param {{ snapshotChunks(appKeys?: string[]): Iterable<string> | AsyncIterable<string> }} emulator
 * @param {string} path
 */
async function saveStateFile(emulator, path) {
  const partial = `${path}.partial`;
  await pipeline(Readable.from(emulator.snapshotChunks()), createWriteStream(partial));
  renameSync(partial, path);
}
