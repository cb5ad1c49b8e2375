// Typed failures. None of them ever holds the AppSecret or a CheckSum.
import { errorCodes, type NimErrorCode } from './generated/error-codes.js';

interface CallContext {
  operationId: string;
  requestId: string;
  host?: string;
  attempts?: number;
}

/** Base class of every error this client throws. */
export class NimError extends Error {
  readonly operationId: string;
  readonly requestId: string;
  constructor(message: string, context: Pick<CallContext, 'operationId' | 'requestId'>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operationId = context.operationId;
    this.requestId = context.requestId;
  }
}

/** The vendor answered with a body `code` other than 200. */
export class NimApiError extends NimError {
  readonly code: number;
  readonly desc: string;
  readonly host: string | undefined;
  /** English and Chinese meaning of `code`, when the vendor documents it. */
  readonly meaning: { en: string; zh: string } | undefined;
  /** A hint when the failure is probably on the caller's side (clock skew, wrong secret). */
  readonly hint: string | undefined;
  constructor(code: number, desc: string, context: CallContext) {
    const meaning = (errorCodes as Record<number, { en: string; zh: string } | undefined>)[code];
    const hint = signatureHint(code, desc);
    super(`${context.operationId} failed with code ${code}: ${desc}${hint ? ` (${hint})` : ''}`, context);
    this.code = code;
    this.desc = desc;
    this.host = context.host;
    this.meaning = meaning;
    this.hint = hint;
  }
  /** True when the vendor answered with one of the given codes. */
  is(...codes: (NimErrorCode | number)[]): boolean {
    return codes.includes(this.code);
  }
}

/** The request never produced a vendor answer: network failure, HTTP error status, or a body that is not JSON. */
export class NimTransportError extends NimError {
  readonly status: number | undefined;
  readonly host: string | undefined;
  readonly attempts: number;
  constructor(message: string, context: CallContext & { status?: number }, options?: { cause?: unknown }) {
    super(message, context, options);
    this.status = context.status;
    this.host = context.host;
    this.attempts = context.attempts ?? 1;
  }
}

/** An attempt took longer than the timeout. */
export class NimTimeoutError extends NimTransportError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, context: CallContext) {
    super(`${context.operationId} timed out after ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}

export interface ValidationIssue {
  /** The field, as a path like `serverIds[3]` (empty for the body itself). */
  field: string;
  /** The broken rule (ajv keyword): required, maxLength, enum, maxItems, pattern, type, additionalProperties ... */
  rule: string;
  message: string;
}

/** The body breaks the spec; nothing was sent. */
export class NimValidationError extends NimError {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: ValidationIssue[], context: Pick<CallContext, 'operationId' | 'requestId'>) {
    super(`${context.operationId}: invalid request body: ${issues.map((i) => i.message).join('; ')}`, context);
    this.issues = issues;
  }
}

function signatureHint(code: number, desc: string): string | undefined {
  if (code !== 414) return undefined;
  if (/curtime/i.test(desc)) return 'CurTime was rejected: check the clock of this machine (or set clockOffsetMs)';
  if (/checksum/i.test(desc)) return 'CheckSum was rejected: check the AppSecret, and the clock of this machine';
  return undefined;
}
