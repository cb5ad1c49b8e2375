// A real browser on a real server, shared by the docs' browser tests and bench/docs: a built page served by node:http
// on 127.0.0.1:0, opened in headless Debian Chromium driven by playwright-core, with a fresh profile. Every
// request the page makes is recorded; anything not for the page's own origin is blocked and reported.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Serves one HTML file at `/` (and `/index.html`); everything else is 404.
 * @param {string} file
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function servePage(file) {
  const html = readFileSync(file);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
      res.end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the page server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Launches Chromium with a fresh profile and opens one tab that may only talk to `origin`.
 * @param {string} origin
 * @param {{ width: number, height: number }} [viewport]
 */
export async function openBrowser(origin, viewport = { width: 1440, height: 900 }) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`bash tools/setup.sh\` (Debian package chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'nimkit-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  /** @type {string[]} requests to any other origin (blocked) */
  const external = [];
  /** @type {string[]} every request URL, in order */
  const requests = [];
  /** @type {string[]} console.error messages and uncaught page errors */
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin === origin) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    context,
    page,
    external,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
