// The catalogue of network and vendor faults, each with the outcome packages/client/README.md documents for it
// (Errors, Retries). Suite 3 checks the outcomes; suite 4 replays every one looking for leaked secrets. `echo` is
// text an adversarial server reflects into its answers (suite 4 passes the AppSecret and the CheckSum it received).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NEVER_RETRIED, type RetryPolicy } from '@nimkit/client';

export const BIG_ID = '9223372036854775807';
/** The one call every scenario makes: a request id above 2^53 must be sent exactly. */
export const CALL_BODY = { serverIds: [BIG_ID] };
export const SENT_BODY = `serverIds=${encodeURIComponent(JSON.stringify([BIG_ID]))}`;
/** The success answer: a response id above 2^53, as the vendor sends it (a bare JSON number). */
export const OK_ANSWER = `{"code":200,"serverInfos":[{"serverId":${BIG_ID},"name":"n"}]}`;

/** Small delays, so retries cost milliseconds; the policy itself is the client's. */
export const FAST_RETRY: Partial<RetryPolicy> = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, rateLimitDelayMs: 40 };
export const SHORT_TIMEOUT_MS = 300;

export type Expected =
  | { outcome: 'ok'; attempts: number }
  | { outcome: 'NimApiError'; code: number; attempts: number; hint?: RegExp }
  | { outcome: 'NimTransportError'; status?: number; attempts: number }
  | { outcome: 'NimTimeoutError'; attempts: number };

export interface Scenario {
  name: string;
  /** How the server treats the n-th attempt (1-based). */
  serve: (req: IncomingMessage, res: ServerResponse, attempt: number, echo: string) => void;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Nothing listens: connection refused (the server sees no request). */
  refused?: boolean;
  expected: Expected;
}

const send = (res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') =>
  res.writeHead(status, { 'Content-Type': type }).end(body);
const vendor = (res: ServerResponse, code: number, desc: string) => send(res, 200, JSON.stringify({ code, desc }));

/** A proxy's error page; whatever it echoes starts at character 180, across the client's 200-character snippet. */
function page(title: string, echo: string): string {
  const head = `<!DOCTYPE html><html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center>`;
  return `${head.padEnd(180, ' ')}${echo}</body></html>`;
}

/** Writes `text` one character every `stepMs`, stopping if the client goes away. */
function trickle(res: ServerResponse, text: string, stepMs: number) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(text[i++]);
    if (i === text.length) {
      clearInterval(timer);
      res.end();
    }
  }, stepMs);
  res.on('close', () => clearInterval(timer));
}

const reset = (req: IncomingMessage) => req.socket.resetAndDestroy();
const then = (first: Scenario['serve'], rest: Scenario['serve']): Scenario['serve'] => (req, res, n, echo) =>
  (n === 1 ? first : rest)(req, res, n, echo);
const ok: Scenario['serve'] = (_req, res) => send(res, 200, OK_ANSWER);

export const scenarios: Scenario[] = [
  // The connection fails: network errors are retried (and fail over along the host list).
  { name: 'connection reset (RST) on every attempt', serve: reset, expected: { outcome: 'NimTransportError', attempts: 3 } },
  { name: 'connection closed without an answer', serve: (req) => req.socket.destroy(), expected: { outcome: 'NimTransportError', attempts: 3 } },
  { name: 'connection reset once, then an answer', serve: then(reset, ok), expected: { outcome: 'ok', attempts: 2 } },
  { name: 'connection refused', serve: ok, refused: true, expected: { outcome: 'NimTransportError', attempts: 3 } },
  {
    name: 'body cut off mid-stream',
    serve: (_req, res, _n, echo) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096' });
      res.write(`{"code":414,"desc":"${echo}`);
      setTimeout(() => res.socket?.destroy(), 5);
    },
    expected: { outcome: 'NimTransportError', attempts: 3 },
  },
  // No answer in time: a timeout, not retried by default (the vendor may have done the work).
  { name: 'accepts and never answers', serve: () => {}, timeoutMs: SHORT_TIMEOUT_MS, expected: { outcome: 'NimTimeoutError', attempts: 1 } },
  {
    name: 'never answers, retryOnTimeout on',
    serve: () => {},
    timeoutMs: SHORT_TIMEOUT_MS,
    retry: { retryOnTimeout: true },
    expected: { outcome: 'NimTimeoutError', attempts: 3 },
  },
  {
    name: 'headers at once, then a body trickling past the timeout',
    serve: (_req, res) => trickle(res, OK_ANSWER, 40),
    timeoutMs: SHORT_TIMEOUT_MS,
    expected: { outcome: 'NimTimeoutError', attempts: 1 },
  },
  { name: 'a slow answer within the timeout', serve: (_req, res) => trickle(res, OK_ANSWER, 2), expected: { outcome: 'ok', attempts: 1 } },
  // HTTP errors and bodies that are not the vendor's JSON.
  { name: 'HTML 502 from a proxy', serve: (_req, res, _n, echo) => send(res, 502, page('502 Bad Gateway', echo), 'text/html'), expected: { outcome: 'NimTransportError', status: 502, attempts: 3 } },
  {
    name: 'HTML 502 once, then an answer',
    serve: then((_req, res, _n, echo) => send(res, 502, page('502 Bad Gateway', echo), 'text/html'), ok),
    expected: { outcome: 'ok', attempts: 2 },
  },
  // A redirect (a captive portal, a misconfigured proxy) is not followed: the action never ran, and following it
  // would hand the signed headers to another URL.
  ...[302, 307].map(
    (status): Scenario => ({
      name: `HTTP ${status} redirect`,
      serve: (req, res) => (req.method === 'POST' ? res.writeHead(status, { Location: '/portal/login' }).end() : send(res, 200, OK_ANSWER)),
      expected: { outcome: 'NimTransportError', status, attempts: 1 },
    }),
  ),
  { name: 'HTTP 503 with an empty body', serve: (_req, res) => send(res, 503, ''), expected: { outcome: 'NimTransportError', status: 503, attempts: 3 } },
  {
    name: 'HTML 500 page (not a retried status)',
    serve: (_req, res, _n, echo) => send(res, 500, page('500 Internal Server Error', echo), 'text/html'),
    expected: { outcome: 'NimTransportError', status: 500, attempts: 1 },
  },
  {
    name: 'truncated JSON',
    serve: (_req, res, _n, echo) => send(res, 200, `{"code":200,"serverInfos":[{"serverId":${BIG_ID},"name":"${' '.repeat(110)}${echo}`),
    expected: { outcome: 'NimTransportError', status: 200, attempts: 1 },
  },
  { name: 'empty body', serve: (_req, res) => send(res, 200, ''), expected: { outcome: 'NimTransportError', status: 200, attempts: 1 } },
  {
    name: 'HTML with HTTP 200 (a captive portal)',
    serve: (_req, res, _n, echo) => send(res, 200, page('Login required', echo), 'text/html'),
    expected: { outcome: 'NimTransportError', status: 200, attempts: 1 },
  },
  // The vendor's own error codes.
  {
    name: 'code 416 on every attempt',
    serve: (_req, res, _n, echo) => vendor(res, 416, `frequency limit ${echo}`),
    expected: { outcome: 'NimApiError', code: 416, attempts: 3, hint: /blocked/ },
  },
  { name: 'code 416 once, then success', serve: then((_req, res) => vendor(res, 416, 'frequency limit'), ok), expected: { outcome: 'ok', attempts: 2 } },
  {
    name: 'code 416 with retryOnRateLimit off',
    serve: (_req, res, _n, echo) => vendor(res, 416, `frequency limit ${echo}`),
    retry: { retryOnRateLimit: false },
    expected: { outcome: 'NimApiError', code: 416, attempts: 1 },
  },
  { name: 'code 431', serve: (_req, res, _n, echo) => vendor(res, 431, `repeated request ${echo}`), expected: { outcome: 'NimApiError', code: 431, attempts: 1 } },
  {
    name: 'code 500, then 431 (the first attempt got through)',
    serve: then((_req, res) => vendor(res, 500, 'server error'), (_req, res, _n, echo) => vendor(res, 431, `repeated request ${echo}`)),
    expected: { outcome: 'NimApiError', code: 431, attempts: 2, hint: /earlier attempt/ },
  },
  ...[500, 503, 514].map(
    (code): Scenario => ({
      name: `code ${code} on every attempt`,
      serve: (_req, res, _n, echo) => vendor(res, code, `server busy ${echo}`),
      expected: { outcome: 'NimApiError', code, attempts: 3 },
    }),
  ),
  { name: 'code 514 once, then success', serve: then((_req, res) => vendor(res, 514, 'service unavailable'), ok), expected: { outcome: 'ok', attempts: 2 } },
  ...NEVER_RETRIED.map(
    (code): Scenario => ({
      name: `code ${code} (never retried)`,
      serve: (_req, res, _n, echo) => vendor(res, code, `check checksum error ${echo}`),
      expected: { outcome: 'NimApiError', code, attempts: 1 },
    }),
  ),
];
