// The page server of `npm start`: compressed as the browser asks, cached by ETag, an icon, plain errors.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenError, pickEncoding, serveDocs } from '../src/serve.js';

const HTML = `<!doctype html><title>t</title>${'<p>reference</p>'.repeat(2000)}`;

/** A raw GET (fetch would decode the body itself). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveDocs', () => {
  let docs: Awaited<ReturnType<typeof serveDocs>>;
  beforeAll(async () => {
    docs = await serveDocs({ html: HTML, port: 0 });
  });
  afterAll(() => docs.close());

  it.each([
    ['br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => gunzipSync(b)],
    ['identity', (b: Buffer) => b],
  ] as const)('answers %s when asked, with the same page', async (encoding, decode) => {
    const res = await get(docs.url, { 'Accept-Encoding': encoding === 'identity' ? '' : encoding });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(decode(res.body).toString('utf8')).toBe(HTML);
    if (encoding !== 'identity') expect(res.body.length).toBeLessThan(Buffer.byteLength(HTML) / 5);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get(docs.url);
    const again = await get(docs.url, { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves an icon, 404 for other paths, 405 for other methods', async () => {
    const icon = await get(new URL('/favicon.ico', docs.url).href);
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect((await get(new URL('/nope', docs.url).href)).status).toBe(404);
    expect((await get(docs.url, {}, 'POST')).status).toBe(405);
  });

  it('fails to listen on a taken port with an EADDRINUSE error that listenError turns into one line', async () => {
    const error = await serveDocs({ html: HTML, port: docs.port }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(listenError(error, { what: 'docs', port: docs.port, hint: 'use --docs-port' })).toBe(
      `docs: port ${docs.port} is already in use; stop what uses it or use --docs-port`,
    );
  });
});

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['', 'identity'],
    ['gzip;q=0', 'identity'],
  ])('%j -> %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
