// Typed failures. None of them holds the AppSecret or a CheckSum: messages and causes are scrubbed (redact.ts).
import { errorCodes, type NimErrorCode } from './generated/error-codes.js';

export interface CallContext {
  operationId: string;
  requestId: string;
  /** The base URL of the host that answered (or failed). */
  host?: string;
  /** Attempts made so far, this one included. */
  attempts?: number;
}

/** Base class of every error this client throws for a call. */
export class NimError extends Error {
  readonly operationId: string;
  readonly requestId: string;
  constructor(message: string, context: Pick<CallContext, 'operationId' | 'requestId'>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operationId = context.operationId;
    this.requestId = context.requestId;
  }

  /** A plain, secret-free summary for structured logs (JSON.stringify uses it). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== 'cause') out[key] = value;
    return out;
  }
}

/** The vendor answered with a body `code` other than 200. */
export class NimApiError extends NimError {
  readonly code: number;
  /** The vendor's message, as sent. */
  readonly desc: string;
  readonly host: string | undefined;
  readonly attempts: number;
  /** English and Chinese meaning of `code`, when the vendor documents it. */
  readonly meaning: { readonly en: string; readonly zh: string } | undefined;
  /** What probably went wrong on the caller's side (clock skew, wrong secret, a retried request), when known. */
  readonly hint: string | undefined;
  constructor(code: number, desc: string, context: CallContext) {
    const meaning = (errorCodes as Readonly<Record<number, { en: string; zh: string } | undefined>>)[code];
    const hint = hintFor(code, desc, context.attempts ?? 1);
    super(`${context.operationId} failed with code ${code}${meaning ? ` (${meaning.en})` : ''}: ${desc}${hint ? `. Hint: ${hint}` : ''}`, context);
    this.code = code;
    this.desc = desc;
    this.host = context.host;
    this.attempts = context.attempts ?? 1;
    this.meaning = meaning;
    this.hint = hint;
  }

  /** True when the vendor answered with one of `codes`. */
  is(...codes: readonly (NimErrorCode | number)[]): boolean {
    return codes.includes(this.code);
  }
}

/** True when `error` is a NimApiError, and (given codes) its code is one of them: `if (isNimApiError(e, 404)) ...`. */
export function isNimApiError(error: unknown, ...codes: readonly (NimErrorCode | number)[]): error is NimApiError {
  return error instanceof NimApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The call got no usable vendor answer: network failure, an HTTP status other than 200, or a body without a code. */
export class NimTransportError extends NimError {
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  readonly host: string | undefined;
  readonly attempts: number;
  /** The start of the body, when a response arrived but was not the vendor's JSON (e.g. a proxy's HTML page). */
  readonly bodySnippet: string | undefined;
  constructor(message: string, context: CallContext & { status?: number; bodySnippet?: string }, options?: { cause?: unknown }) {
    super(message, context, options);
    this.status = context.status;
    this.host = context.host;
    this.attempts = context.attempts ?? 1;
    this.bodySnippet = context.bodySnippet;
  }
}

/** An attempt took longer than its timeout (sending, waiting and reading the body). */
export class NimTimeoutError extends NimTransportError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, context: CallContext) {
    super(`${context.operationId} timed out after ${timeoutMs} ms${context.host ? ` waiting for ${context.host}` : ''}`, context);
    this.timeoutMs = timeoutMs;
  }
}

/** The answer was larger than `maxResponseBytes`; the body stream was cancelled after that many bytes. Not retried. */
export class NimResponseTooLargeError extends NimTransportError {
  readonly limitBytes: number;
  constructor(limitBytes: number, context: CallContext & { status: number }) {
    super(`${context.operationId}: answer over maxResponseBytes (${limitBytes}) from ${context.host}`, context);
    this.limitBytes = limitBytes;
  }
}

/**
 * A success body holds an id the client cannot return exactly: a number literal with a fraction or an exponent
 * (`1.5`, `1e3`, `1e400`) where the spec says the value is a 64-bit id. Not retried.
 */
export class NimInexactIdError extends NimTransportError {
  /** Where the id sits, e.g. `serverInfo.serverId` or `servers[2].serverId`. */
  readonly field: string;
  constructor(field: string, context: CallContext) {
    super(`${context.operationId}: non-integer id ${field} from ${context.host}`, { ...context, status: 200 });
    this.field = field;
  }
}

export interface ValidationIssue {
  /** The field as a path like `serverIds[3]` or `option.push` (empty for the body itself). */
  field: string;
  /** The broken rule (JSON Schema keyword): required, maxLength, enum, maxItems, pattern, type, additionalProperties ... */
  rule: string;
  message: string;
}

/** The body breaks the spec; nothing was sent. */
export class NimValidationError extends NimError {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], context: Pick<CallContext, 'operationId' | 'requestId'>) {
    super(`${context.operationId}: invalid request body, nothing was sent: ${issues.map((i) => i.message).join('; ')}`, context);
    this.issues = issues;
  }
}

function hintFor(code: number, desc: string, attempts: number): string | undefined {
  if (code === 414 && /curtime/i.test(desc)) {
    return 'the vendor rejected CurTime: the clock of this machine is probably off by more than 5 minutes (sync it, or set clockOffsetMs)';
  }
  if (code === 414 && /check\s*sum/i.test(desc)) {
    return 'the vendor rejected CheckSum: check that appSecret belongs to this appKey, and that the clock of this machine is right';
  }
  if (code === 416) return 'the app exceeded its rate and is blocked for about 10 s';
  if (code === 431 && attempts > 1) return 'an earlier attempt of this call probably reached the vendor before it failed';
  return undefined;
}
