// Serves the built page like a good dev server: compressed once up front (brotli or gzip, as the browser asks),
// cached by ETag, a favicon so no browser logs a 404, and a clear error for a port that is taken.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The page's icon (also linked inline from the page, so browsers need not ask for /favicon.ico). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1e6fd9"/>' +
  '<text x="8" y="12" font-family="sans-serif" font-size="10" font-weight="bold" fill="#fff" text-anchor="middle">N</text></svg>';

/**
 * A listen() failure as one line a person can act on (the stack trace of EADDRINUSE helps nobody).
 * @param {unknown} error @param {{ what: string, port: number, hint: string }} where
 */
export function listenError(error, { what, port, hint }) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'EADDRINUSE') return `${what}: port ${port} is already in use; stop what uses it or ${hint}`;
  if (code === 'EACCES') return `${what}: no permission to listen on port ${port}; ${hint}`;
  return `${what}: cannot listen on port ${port}: ${error instanceof Error ? error.message : error}`;
}

/**
 * Starts serving `html` at `/` and `/index.html` on host:port (0 = any free port).
 * @param {{ html: string | Buffer, host?: string, port?: number }} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveDocs({ html, host = '127.0.0.1', port = 8080 }) {
  const plain = Buffer.from(html);
  const variants = {
    br: brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
    gzip: gzipSync(plain, { level: 9 }),
    identity: plain,
  };
  const etag = `"${createHash('sha1').update(plain).digest('hex').slice(0, 16)}"`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    if (path === '/favicon.ico' || path === '/favicon.svg') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' }).end(req.method === 'HEAD' ? undefined : FAVICON_SVG);
      return;
    }
    if (path !== '/' && path !== '/index.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    const encoding = pickEncoding(String(req.headers['accept-encoding'] ?? ''));
    const body = variants[encoding];
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      ETag: etag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
    port: actual,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * br when the browser accepts it, else gzip, else the plain page (q=0 means "not this one").
 * @param {string} acceptEncoding @returns {'br' | 'gzip' | 'identity'}
 */
export function pickEncoding(acceptEncoding) {
  const accepted = new Map(
    acceptEncoding
      .split(',')
      .map((/** @type {string} */ part) => part.trim().split(';'))
      .filter(([name]) => name)
      .map(([name = '', ...params]) => {
        const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
        return /** @type {[string, number]} */ ([name.trim().toLowerCase(), q === undefined ? 1 : Number(q)]);
      }),
  );
  /** @param {string} name */
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}
