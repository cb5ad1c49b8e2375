// createNimClient: openapi-fetch core + signing + form encoding + lossless ids + typed errors + retries + failover.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { operationTable, type CallOptions, type NimFacade, type OperationId, type OkBody, type RequestBody } from './generated/operations.js';
import { encodeFormBody, FORM_CONTENT_TYPE, type FormValue } from './form.js';
import { parseJsonLossless, stringifyIds } from './json.js';
import { randomNonce, signHeaders } from './signing.js';
import { NimApiError, NimError, NimTimeoutError, NimTransportError, NimValidationError } from './errors.js';
import { backoffDelay, resolveRetryPolicy, sleep, type RetryPolicy } from './retry.js';
import { resolveHosts, type Region } from './hosts.js';
import { redactHeaders, safely, type NimHooks } from './hooks.js';
import { validateBody, type Validators } from './validation.js';

export interface NimClientOptions {
  appKey: string;
  appSecret: string;
  /** One host or a failover list, e.g. `https://api.yunxinapi.com/nimserver`. Wins over `region`. */
  baseUrl?: string | readonly string[];
  /** Host preset with its backup hosts: 'cn' (default) or 'sg'. */
  region?: Region;
  /** Timeout of each attempt in milliseconds (default 5000, like the vendor's SDKs). */
  timeoutMs?: number;
  /** Retry policy, or false for a single attempt. */
  retry?: Partial<RetryPolicy> | false;
  /** A fetch implementation (default: globalThis.fetch). */
  fetch?: typeof globalThis.fetch;
  hooks?: NimHooks;
  /** Validate bodies against the spec before sending (default true when validators are available). */
  validate?: boolean;
  /** Added to the clock when signing, for a machine whose clock is known to be off. */
  clockOffsetMs?: number;
  /** Clock in Unix milliseconds (tests). */
  now?: () => number;
  /** Nonce generator (tests). */
  nonce?: () => string;
}

export interface NimClientInternals {
  validators?: Validators;
}

export type NimClient = NimFacade & {
  /** The typed openapi-fetch client: `raw.POST('/qchat/getServers.action', { body })`, signed, ids exact. */
  readonly raw: Client<paths>;
  /** Calls an operation by id; the facade methods are shortcuts for this. */
  call<Op extends OperationId>(operationId: Op, body: RequestBody<Op>, options?: CallOptions): Promise<OkBody<Op>>;
};

const DEFAULT_TIMEOUT_MS = 5_000;
type OperationMeta = (typeof operationTable)[OperationId];
const byPath = new Map<string, OperationMeta>(Object.values(operationTable).map((m) => [m.path, m]));

export function createNimClientWith(options: NimClientOptions, internals: NimClientInternals = {}): NimClient {
  const { appKey, appSecret } = options;
  if (!appKey || !appSecret) throw new TypeError('createNimClient needs appKey and appSecret');
  const hosts = resolveHosts(options.baseUrl, options.region);
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const nonce = options.nonce ?? randomNonce;
  const offset = options.clockOffsetMs ?? 0;
  const hooks = options.hooks ?? {};
  const validators = internals.validators;
  const validateByDefault = options.validate ?? validators !== undefined;

  // A fresh Nonce, CurTime and CheckSum on every attempt, retries included.
  const signing: Middleware = {
    async onRequest({ request }) {
      const headers = await signHeaders({ appKey, appSecret, now: (now() + offset) / 1000, nonce: nonce() });
      for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
      return request;
    },
  };
  const clientOptions = {
    baseUrl: hosts[0],
    fetch: options.fetch ? (req: Request) => options.fetch!(req) : undefined,
    headers: { 'Content-Type': FORM_CONTENT_TYPE },
    bodySerializer: (body: unknown) => encodeFormBody(body as Record<string, FormValue>),
  };
  const core = createClient<paths>(clientOptions);
  core.use(signing);

  const raw = createClient<paths>(clientOptions);
  raw.use(signing, {
    // The escape hatch gets exact ids too: re-serialize the body with ids as strings before openapi-fetch parses it.
    async onResponse({ response, schemaPath }) {
      const meta = byPath.get(schemaPath);
      if (!meta || !response.headers.get('content-type')?.includes('json')) return undefined;
      const text = await response.text();
      let body: string;
      try {
        body = JSON.stringify(stringifyIds(parseJsonLossless(text), meta.ids));
      } catch {
        body = text;
      }
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  });

  async function call(operationId: OperationId, body: unknown, callOptions: CallOptions = {}): Promise<unknown> {
    const meta = operationTable[operationId];
    if (!meta) throw new TypeError(`unknown operation ${String(operationId)}`);
    const requestId = randomNonce();
    const context = { operationId, requestId };
    if (callOptions.validate ?? validateByDefault) {
      const validator = validators?.[operationId];
      if (!validator) throw new TypeError('validation needs the validators: import createNimClient from "@nimkit/client"');
      const issues = validateBody(validator, body);
      if (issues.length) throw new NimValidationError(issues, context);
    }
    const attemptTimeout = callOptions.timeoutMs ?? timeoutMs;
    let hostIndex = 0;
    for (let attempt = 1; ; attempt++) {
      const host = hosts[hostIndex % hosts.length]!;
      const last = attempt >= policy.maxAttempts;
      const started = Date.now();
      const timeout = AbortSignal.timeout(attemptTimeout);
      const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
      let event = { operationId, requestId, attempt, url: host + meta.path, headers: {} as Record<string, string> };
      const observe: Middleware = {
        onRequest({ request }) {
          event = { ...event, headers: redactHeaders(request.headers) };
          safely(hooks.onRequest, event);
          return undefined;
        },
      };
      let failure: NimError;
      let waitMs: number | undefined;
      try {
        const result = await core.POST(meta.path as never, {
          baseUrl: host,
          body: body as never,
          parseAs: 'text',
          signal,
          headers: { RequestId: requestId },
          middleware: [observe],
        } as never);
        const response = (result as { response: Response }).response;
        const text = ((result as { data?: string; error?: unknown }).data ??
          (typeof (result as { error?: unknown }).error === 'string' ? (result as { error: string }).error : JSON.stringify((result as { error?: unknown }).error ?? ''))) as string;
        const durationMs = Date.now() - started;
        const parsed = parseBody(text);
        const code = parsed && typeof parsed.code === 'number' ? parsed.code : undefined;
        safely(hooks.onResponse, { ...event, status: response.status, code, durationMs });
        if (response.status !== 200) {
          failure = new NimTransportError(`${operationId}: HTTP ${response.status} from ${host}`, { ...context, host, status: response.status, attempts: attempt });
          if (policy.retryStatuses.includes(response.status)) waitMs = backoffDelay(policy, attempt);
        } else if (!parsed || code === undefined) {
          failure = new NimTransportError(`${operationId}: the response from ${host} is not a JSON body with a code`, { ...context, host, status: 200, attempts: attempt });
        } else if (code === 200) {
          return stringifyIds(parsed, meta.ids);
        } else {
          failure = new NimApiError(code, typeof parsed.desc === 'string' ? parsed.desc : JSON.stringify(parsed.desc ?? ''), { ...context, host, attempts: attempt });
          if (code === 416 && policy.retryOnRateLimit) waitMs = policy.rateLimitDelayMs;
          else if (policy.retryCodes.includes(code)) waitMs = backoffDelay(policy, attempt);
        }
      } catch (error) {
        if (callOptions.signal?.aborted) throw callOptions.signal.reason ?? error;
        if (timeout.aborted) {
          failure = new NimTimeoutError(attemptTimeout, { ...context, host, attempts: attempt });
          if (policy.retryOnTimeout) waitMs = backoffDelay(policy, attempt);
        } else {
          failure = new NimTransportError(`${operationId}: request to ${host} failed: ${describe(error)}`, { ...context, host, attempts: attempt }, { cause: error });
          waitMs = backoffDelay(policy, attempt);
        }
        hostIndex++; // network failure: fail over to the next host
      }
      const willRetry = waitMs !== undefined && !last;
      if (!(failure instanceof NimApiError)) safely(hooks.onError, { ...event, error: failure, durationMs: Date.now() - started, willRetry });
      if (!willRetry) throw failure;
      await sleep(waitMs!, callOptions.signal);
    }
  }

  const facade: Record<string, Record<string, unknown>> = {};
  for (const [operationId, meta] of Object.entries(operationTable)) {
    (facade[meta.group] ??= {})[meta.action] = (body: unknown, callOptions?: CallOptions) => call(operationId as OperationId, body, callOptions);
  }
  const client = Object.assign(Object.create(null), facade, { raw, call });
  // Printing or serializing the client shows nothing secret.
  Object.defineProperty(client, 'toJSON', { value: () => ({ appKey, hosts }) });
  Object.defineProperty(client, 'toString', { value: () => `NimClient(appKey=${appKey})` });
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), { value: () => `NimClient(appKey=${appKey})` });
  return client as NimClient;
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const value = parseJsonLossless(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
