// The mock's HTTP front: vendor-style auth and errors around Prism.
import { createServer } from 'node:http';
import { checkSignature } from './auth.js';
import { createGapChecker } from './gaps.js';
import { createPrism } from './prism.js';
import { createRateLimiter } from './rate-limit.js';
import { loadSpec, operationsByPath, specForPrism, DEFAULT_SPEC, FORM } from './spec.js';
import { PARAM_ERROR, RATE_LIMITED, vendorBody } from './vendor.js';

export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  appKey: 'nim-mock-appkey',
  appSecret: 'nim-mock-secret',
  auth: true,
  dynamic: false,
  rateLimit: false,
  bodyLimitBytes: 1024 * 1024,
});

const PREFIX = '/nimserver';

/**
 * Starts the mock. Resolves to { url, port, close() } once it accepts connections.
 * options: host, port (0 = any free port), spec (path or object), appKey, appSecret, auth, dynamic, seed,
 * rateLimit (false | true | { limit, windowMs, blockMs }), log (function(line) | false), now.
 */
export async function startMock(options = {}) {
  const o = { ...DEFAULTS, ...withoutUndefined(options) };
  const spec = typeof o.spec === 'object' ? o.spec : loadSpec(o.spec ?? DEFAULT_SPEC);
  const operations = operationsByPath(spec);
  const checkGaps = createGapChecker(operations);
  const prism = await createPrism(specForPrism(spec), { dynamic: o.dynamic, seed: o.seed });
  const limiter = o.rateLimit ? createRateLimiter({ ...(typeof o.rateLimit === 'object' ? o.rateLimit : {}), now: o.now }) : undefined;
  const log = o.log === false ? () => {} : (o.log ?? ((line) => process.stdout.write(line + '\n')));
  const now = o.now ?? Date.now;

  async function answer(req, rawBody) {
    const url = new URL(req.url, 'http://mock');
    const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname;
    if (req.method === 'GET' && (path === '/health' || path === '/ready')) return { status: 200, body: { status: 'ok' } };
    const op = operations.get(path);
    if (!op || req.method !== 'POST') {
      // docs/adr/0007: an unknown action is answered HTTP 404 with a vendor-style body.
      return { status: 404, body: vendorBody(404, `unknown action: ${url.pathname}`) };
    }
    const operationId = op.operationId;
    if (o.auth) {
      const problem = checkSignature(req.headers, { appKey: o.appKey, appSecret: o.appSecret, nowMs: now() });
      if (problem) return { operationId, body: vendorBody(PARAM_ERROR, problem) };
    }
    if (limiter && limiter(`${req.headers.appkey ?? ''} ${path}`)) {
      return { operationId, body: vendorBody(RATE_LIMITED, 'frequency limit exceeded, blocked for 10 seconds') };
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (!contentType.toLowerCase().startsWith(FORM)) {
      return { operationId, body: vendorBody(PARAM_ERROR, `Content-Type must be ${FORM};charset=utf-8, got '${contentType}'`) };
    }
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    const result = await prism({
      method: 'post',
      url: { path, query: {} },
      headers: req.headers,
      body: rawBody,
    });
    if (result.failure) {
      return { operationId, body: vendorBody(PARAM_ERROR, `param error: ${result.failure.detail ?? result.failure.message}`) };
    }
    const problems = result.violations.map(describeViolation);
    // The JSON checks only add news: a field Prism already refused (e.g. by its coarse pattern) is named once.
    for (const gap of checkGaps(path, form)) if (!problems.some((p) => p.startsWith(gap.split(/[ .[]/)[0] + ' '))) problems.push(gap);
    if (problems.length) return { operationId, body: vendorBody(PARAM_ERROR, `param error: ${problems.join('; ')}`) };
    return { operationId, body: result.body };
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= o.bodyLimitBytes) chunks.push(c);
    });
    req.on('end', async () => {
      let outcome;
      try {
        outcome =
          size > o.bodyLimitBytes
            ? { body: vendorBody(PARAM_ERROR, `param error: body larger than ${o.bodyLimitBytes} bytes`) }
            : await answer(req, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        outcome = { body: vendorBody(500, `mock error: ${error instanceof Error ? error.message : String(error)}`) };
      }
      const text = JSON.stringify(outcome.body);
      res.writeHead(outcome.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
      const ms = (performance.now() - started).toFixed(1);
      log(`${req.method} ${req.url} ${outcome.operationId ?? '-'} code=${outcome.body?.code ?? '-'} ${ms}ms`);
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, resolve);
  });
  const { port } = server.address();
  const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${hostForUrl}:${port}${PREFIX}`,
    port,
    appKey: o.appKey,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections?.();
      }),
  };
}

/** Prism's violation -> `<field> <rule broken>`, e.g. `accid is required`, `limit must be integer`. */
function describeViolation(v) {
  const message = String(v.message).replace(/^Request body (property \S+ )?/, '');
  const required = /must have required property '(.+)'/.exec(message);
  if (required) return `${required[1]} is required`;
  const where = (v.path ?? v.location ?? []).filter((p) => p !== 'body').join('.');
  return where ? `${where} ${message}` : message;
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
