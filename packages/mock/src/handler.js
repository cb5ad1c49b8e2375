// The request pipeline, in the vendor's order: route -> signature -> frequency control -> content type -> Prism
// (validation, then an example or a generated body) plus the gap checks (gaps.js) -> scripted faults -> in stateful
// mode the emulator's model, in the app's arrival order. Returns an outcome the HTTP front writes and logs:
// { status, body, operationId, example, reason, delayMs, drop, fault }.
import { checkSignature } from './auth.js';
import { parseForm } from './form.js';
import { createGapChecker } from './gaps.js';
import { paramErrorDesc } from './param-errors.js';
import { createPrism } from './prism.js';
import { createRateLimiter } from './rate-limit.js';
import { deref, okMedia, operationsByPath, FORM } from './spec.js';
import { DESC, PARAM_ERROR, RATE_LIMITED, vendorBody } from './vendor.js';

export const PREFIX = '/nimserver';
export const HEALTH = `${PREFIX}/health`;

/**
 * @typedef {object} Outcome  what the HTTP front writes (or streams, or drops) and logs for one request
 * @property {number} [status]  HTTP status (default 200)
 * @property {any} [body]  the JSON body
 * @property {AsyncIterable<string> | Iterable<string>} [stream]  a body written in pieces (a state snapshot)
 * @property {string} [operationId]
 * @property {string} [example]  the example Prism served
 * @property {boolean} [stateful]  the emulator answered
 * @property {string} [encoding]  the encoding served, when not the docs form
 * @property {string} [reason]  why, for the log line
 * @property {number} [delayMs]  scripted latency
 * @property {boolean} [drop]  destroy the connection without an answer
 * @property {number[]} [fault]  the scripted faults used
 * @property {boolean} [quiet]  no log line (health checks)
 */

/**
 * @param {import('./options.js').ResolvedOptions} o
 * @param {{ emulator?: import('./emulator/emulator.js').Emulator,
 *   faults: ReturnType<typeof import('./emulator/faults.js').createFaults> }} parts
 */
export async function createHandler(o, { emulator, faults }) {
  const operations = operationsByPath(o.spec);
  const checkGaps = createGapChecker(operations);
  const prism = await createPrism(o.spec, { dynamic: o.dynamic, seed: o.seed });
  const limiter = o.rateLimit ? createRateLimiter({ ...o.rateLimit, now: o.now }) : undefined;
  /** @type {Record<string, unknown>} */
  const health = { status: 'ok', operations: operations.size, auth: o.auth, mode: o.mode, encoding: o.encoding, rateLimit: Boolean(limiter) };
  if (emulator) health.unmodelled = emulator.unmodelled;
  const exampleNames = new Map([...operations].map(([path, op]) => [path, op.examples.map((e) => e.name)]));
  const faultBodies = errorBodiesByCode(o.spec);

  /**
   * request: { method, url, headers (lowercase keys), body (the form text, or null when its bytes were not UTF-8) }
   * @param {{ method: string, url: string, headers: Record<string, any>, body: string | null }} request
   * @returns {Promise<Outcome>}
   */
  return async function answer({ method, url, headers, body }) {
    const pathname = url.split('?', 1)[0] ?? '';
    if ((pathname === HEALTH || pathname === '/health') && (method === 'GET' || method === 'HEAD')) return { status: 200, body: health, quiet: true };
    // Only /nimserver/<action>, as on the vendor's hosts: a client whose base URL lacks /nimserver must fail here too.
    const path = pathname.startsWith(PREFIX + '/') ? pathname.slice(PREFIX.length) : '';
    const op = operations.get(path);
    const resource = prism.resources.get(path);
    if (!op || !resource || method !== 'POST') {
      // docs/adr/0007: an unknown action (or a method other than POST) is answered HTTP 404 with a vendor-shaped body.
      const why = op ? `${method} is not allowed, every action is POST` : undefined;
      return { status: 404, body: vendorBody(404, `unknown action: ${method === 'POST' ? '' : method + ' '}${pathname}`), reason: why };
    }
    const operationId = op.operationId;
    const names = exampleNames.get(op.path) ?? [];
    // With auth on every request is the configured app's; without it each AppKey header gets its own state.
    const appKey = o.auth ? o.appKey : String(headers.appkey || o.appKey);

    if (o.auth) {
      const bad = checkSignature(headers, { appKey: o.appKey, appSecret: o.appSecret, nowMs: o.now() });
      if (bad) return { operationId, body: vendorBody(PARAM_ERROR, bad.desc), reason: bad.reason };
    }
    if (limiter) {
      const blocked = limiter(`${headers.appkey ?? ''}\u0000${operationId}`);
      if (blocked) return { operationId, body: vendorBody(RATE_LIMITED, DESC.rateLimited), reason: `blocked for another ${blocked.remainingMs} ms` };
    }
    const contentType = String(headers['content-type'] ?? '');
    if (contentType.split(';', 1)[0]?.trim().toLowerCase() !== FORM) {
      return { operationId, body: vendorBody(PARAM_ERROR, `Content-Type must be ${FORM};charset=utf-8, got '${contentType}'`) };
    }

    const prefer = headers.prefer ? /(?:^|[\s,;])example=("?)([^",;\s]+)\1/.exec(headers.prefer)?.[2] : undefined;
    if (prefer && !names.includes(prefer)) {
      // docs/adr/0020: a mock-only answer for a misused mock, never mistakable for a vendor answer.
      const desc = `nim-mock: ${operationId} has no example '${prefer}'; use one of: ${names.join(', ')}`;
      return { operationId, status: 400, body: vendorBody(400, desc) };
    }

    // Every byte sequence ends here as clean fields or one readable 414 (form.js); Prism sees the canonical re-encoding.
    const form = parseForm(body, op.request);
    if (form.desc !== undefined) return { operationId, body: vendorBody(PARAM_ERROR, form.desc) };
    const note = form.repeated.length ? `first value of repeated ${form.repeated.join(', ')} used` : undefined;
    if (!form.canonical && op.request.required?.length) {
      // Prism stops at "Body parameter is required"; the vendor names the missing fields.
      return { operationId, body: vendorBody(PARAM_ERROR, `param error: ${op.request.required.map((/** @type {string} */ f) => `${f} is required`).join('; ')}`), reason: note };
    }
    // The app's place in line is taken on arrival, before Prism's asynchronous validation (emulator/queue.js).
    const ticket = emulator && !prefer ? emulator.enter(appKey) : undefined;
    try {
      // The stateful mode needs Prism's validation only; the other modes (and Prefer) take Prism's answer too.
      const request = { path, headers, body: form.canonical };
      const result = ticket
        ? prism.validate(resource, request)
        : await prism.handle(resource, { ...request, defaultExample: names.includes('ok') ? 'ok' : undefined });
      if (result.failure) {
        return { operationId, status: result.failure.status, body: vendorBody(result.failure.status, `nim-mock: ${result.failure.detail}`) };
      }
      const desc = paramErrorDesc(result.violations ?? [], checkGaps(path, form.fields));
      if (desc) return { operationId, body: vendorBody(PARAM_ERROR, desc), reason: note };

      const fault = faults.take(operationId);
      const delayMs = fault?.latencyMs || undefined;
      if (fault?.drop) return { operationId, drop: true, fault: fault.ids, reason: 'scripted fault: connection dropped' };
      if (fault?.code !== undefined) {
        const faultBody = fault.desc !== undefined ? vendorBody(fault.code, fault.desc) : (faultBodies.get(fault.code) ?? vendorBody(fault.code, `nim-mock fault: code ${fault.code}`));
        return { operationId, body: faultBody, delayMs, fault: fault.ids, reason: 'scripted fault' };
      }
      if (!ticket) return { operationId, body: result.body, example: result.example, delayMs, fault: fault?.ids, reason: note };
      await ticket.turn();
      // The model reads the canonical form: the same first-value-wins fields Prism validated (form.js).
      return { operationId, .../** @type {NonNullable<typeof emulator>} */ (emulator).apply(appKey, operationId, form.canonical), delayMs, fault: fault?.ids, reason: note };
    } finally {
      ticket?.release();
    }
  };
}

/**
 * code -> the body of the spec's error example with that code (a scripted fault answers it, as Prefer would).
 * @param {Record<string, any>} spec
 */
function errorBodiesByCode(spec) {
  /** @type {Map<number, { code: number, desc?: string }>} */
  const out = new Map();
  for (const item of Object.values(spec.paths)) {
    for (const ex of Object.values(okMedia(item?.post ?? {})?.examples ?? {})) {
      const value = deref(spec, ex).value;
      if (value && value.code !== 200 && !out.has(value.code)) out.set(value.code, value);
    }
  }
  return out;
}
