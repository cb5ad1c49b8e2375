// One logical call: validate, encode once, then attempts (each freshly signed, same RequestId) with retries,
// failover and hooks, until the vendor's success body or a typed error.
import { operationTable, type OkBody, type OperationCaller, type OperationId, type RequestBody } from './generated/operations.js';
import type { CallOptions } from './options.js';
import type { Connection } from './connection.js';
import { encodeFormBody, FORM_CONTENT_TYPE } from './form.js';
import { findInexactId, normaliseBody, parseJsonNumbers } from './json.js';
import { randomNonce, signHeaders } from './signing.js';
import {
  NimApiError,
  NimInexactIdError,
  NimResponseTooLargeError,
  NimTimeoutError,
  NimTransportError,
  NimValidationError,
  type NimError,
} from './errors.js';
import { backoffDelay, rateLimitDelay, resolveRetryPolicy, sleep, type RetryPolicy } from './retry.js';
import type { HostRotation } from './hosts.js';
import { redactHeaders, safely, type NimHooks, type RequestEvent } from './hooks.js';
import type { ValidateFn } from './validation.js';
import { safeCause, scrub, snippet } from './redact.js';
import { sendAttempt } from './transport.js';
import { checkExtraHeaders } from './headers.js';
import { checkHeaderValue, checkMs } from './checks.js';

export interface CallerConfig extends Connection {
  rotation: HostRotation;
  policy: RetryPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  hooks: NimHooks | undefined;
  /** Client-side validation, when this entry has the generated validators. */
  validate: ValidateFn | undefined;
  validateByDefault: boolean;
}

const SNIPPET_CHARS = 200;

export function createCaller(config: CallerConfig): OperationCaller {
  const { appKey, appSecret, rotation, hooks, fetch: fetchFn } = config;
  const hosts = rotation.hosts;
  const hasExtraHeaders = Object.keys(config.headers).length > 0;

  return async function call<Op extends OperationId>(operationId: Op, body: RequestBody<Op>, options: CallOptions = {}): Promise<OkBody<Op>> {
    const meta = operationTable[operationId];
    if (!meta) throw new TypeError(`unknown operation ${JSON.stringify(operationId)}`);
    // Checked before anything is sent: a bad value would otherwise fail inside fetch as a "network" failure.
    const requestId = options.requestId === undefined ? randomNonce() : checkHeaderValue(options.requestId, 'requestId', 256);
    const timeoutMs = options.timeoutMs === undefined ? config.timeoutMs : checkMs(options.timeoutMs, 'timeoutMs');

    if (options.validate ?? config.validateByDefault) {
      if (!config.validate) throw new TypeError("client-side validation is not in '@nimkit/client/core': import createNimClient from '@nimkit/client'");
      const issues = config.validate(operationId, body);
      if (issues.length) throw new NimValidationError(issues, { operationId, requestId });
    }

    const form = encodeFormBody(body);
    const policy = options.retry === undefined ? config.policy : resolveRetryPolicy(options.retry, config.policy);
    const extra = options.headers ? { ...config.headers, ...checkExtraHeaders(options.headers) } : config.headers;
    const withExtra = hasExtraHeaders || options.headers !== undefined;
    // The CheckSums sent so far: scrubbed from anything a failure carries.
    const checkSums: string[] = [];
    let hostIndex = rotation.start();

    for (let attempt = 1; ; attempt++) {
      const host = hosts[hostIndex]!;
      const url = host + meta.path;
      const auth = signHeaders({ appKey, appSecret, now: config.signingClock() / 1000, nonce: config.nonce() });
      checkSums.push(auth.CheckSum);
      const headers: Record<string, string> = { 'Content-Type': FORM_CONTENT_TYPE, ...auth, RequestId: requestId };
      if (withExtra) Object.assign(headers, extra);

      let event: RequestEvent | undefined;
      let started = 0;
      if (hooks) {
        event = { operationId, requestId, attempt, method: 'POST', url, headers: redactHeaders(headers) };
        started = Date.now();
        safely(hooks.onRequest, event);
      }

      const result = await sendAttempt(fetchFn, url, headers, form, timeoutMs, options.signal, config.maxResponseBytes);
      if (result.kind === 'aborted') throw result.reason;
      const where = { operationId, requestId, host, attempts: attempt };
      let parsed: Record<string, unknown> | undefined;
      let code: number | undefined;
      let fractions = false;
      let inexact: string | undefined;
      let unreadable: string | undefined;
      if (result.kind === 'response') {
        ({ parsed, fractions } = parseBody(result.text));
        code = parsed && typeof parsed['code'] === 'number' ? (parsed['code'] as number) : undefined;
        if (event) safely(hooks!.onResponse, { ...event, status: result.status, code, durationMs: Date.now() - started });
        // The trust boundary: a code-200 body is the operation's success body (the vendor may add fields), returned
        // in its one documented shape whichever encoding the server chose (docs/adr/0042).
        if (result.status === 200 && code === 200) {
          // A fraction or exponent at an id path cannot become an exact id: refused below (only looked for when seen).
          inexact = fractions && meta.ids.length ? findInexactId(result.text, meta.ids) : undefined;
          if (inexact === undefined) {
            unreadable = normaliseBody(parsed, meta);
            if (unreadable === undefined) return parsed as unknown as OkBody<Op>;
          }
        }
      }

      // A failed attempt: build the error (secrets scrubbed) and decide whether to try again.
      const secrets = [appSecret, ...checkSums];
      let failure: NimError;
      let delay: number | undefined;
      if (result.kind === 'too-large') {
        failure = new NimResponseTooLargeError(config.maxResponseBytes, { ...where, status: result.status });
      } else if (inexact !== undefined) {
        failure = new NimInexactIdError(inexact, where);
      } else if (result.kind === 'response') {
        if (result.status !== 200) {
          failure = new NimTransportError(`${operationId}: HTTP ${result.status} from ${host}`, {
            ...where,
            status: result.status,
            bodySnippet: snippet(result.text, SNIPPET_CHARS, secrets),
          });
          if (policy.retryStatuses.includes(result.status)) delay = backoffDelay(policy, attempt);
        } else if (code === undefined || unreadable !== undefined) {
          const why = unreadable ? `has \`${unreadable}\` in neither documented encoding` : "is not the vendor's JSON (no numeric code)";
          failure = new NimTransportError(`${operationId}: the answer from ${host} ${why}`, {
            ...where,
            status: 200,
            bodySnippet: snippet(result.text, SNIPPET_CHARS, secrets),
          });
        } else {
          const desc = parsed!['desc'];
          failure = new NimApiError(code, scrub(typeof desc === 'string' ? desc : JSON.stringify(desc ?? ''), secrets), where);
          if (code === 416 && policy.retryOnRateLimit) delay = rateLimitDelay(policy);
          else if (policy.retryCodes.includes(code)) delay = backoffDelay(policy, attempt);
        }
      } else if (result.kind === 'timeout') {
        failure = new NimTimeoutError(timeoutMs, where);
        if (policy.retryOnTimeout) delay = backoffDelay(policy, attempt);
        hostIndex = rotation.failed(hostIndex);
      } else {
        failure = new NimTransportError(
          `${operationId}: no answer from ${host}: ${scrub(describe(result.error), secrets)}`,
          where,
          { cause: safeCause(result.error, secrets) },
        );
        if (policy.retryOnNetworkError) delay = backoffDelay(policy, attempt);
        hostIndex = rotation.failed(hostIndex);
      }

      const willRetry = delay !== undefined && attempt < policy.maxAttempts;
      if (event) safely(hooks!.onError, { ...event, error: failure, durationMs: Date.now() - started, willRetry, delayMs: willRetry ? delay : undefined });
      if (!willRetry) throw failure;
      await sleep(delay!, options.signal);
    }
  };
}

function parseBody(text: string): { parsed: Record<string, unknown> | undefined; fractions: boolean } {
  try {
    const { value, fractions } = parseJsonNumbers(text);
    const parsed = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    return { parsed, fractions };
  } catch {
    return { parsed: undefined, fractions: false };
  }
}

/** The message of a network failure, with the low-level code when the runtime gives one (ECONNREFUSED ...). */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return cause && typeof cause.code === 'string' ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
