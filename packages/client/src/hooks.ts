// Observability hooks. Events carry the request headers with CheckSum redacted; the AppSecret is never in them.
export interface RequestEvent {
  operationId: string;
  requestId: string;
  /** 1 for the first attempt of a call. */
  attempt: number;
  method: 'POST';
  url: string;
  /** The request headers, CheckSum redacted. */
  headers: Record<string, string>;
}

export interface ResponseEvent extends RequestEvent {
  /** The HTTP status. */
  status: number;
  /** The body `code`, when the body was JSON with a numeric code. */
  code: number | undefined;
  durationMs: number;
}

export interface ErrorEvent extends RequestEvent {
  /** A NimApiError, NimTransportError or NimTimeoutError. */
  error: Error;
  durationMs: number;
  /** Whether the client will try again. */
  willRetry: boolean;
  /** The wait before the next attempt, when `willRetry`. */
  delayMs: number | undefined;
}

export interface NimHooks {
  /** Before each attempt is sent. */
  onRequest?(event: RequestEvent): void;
  /** When an attempt got an HTTP response (any status, any body code). */
  onResponse?(event: ResponseEvent): void;
  /** When an attempt failed: body code other than 200, HTTP error, network failure, timeout. */
  onError?(event: ErrorEvent): void;
}

export const REDACTED = '[redacted]';

/** A copy of the headers for an event, CheckSum redacted. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) out[key] = key.toLowerCase() === 'checksum' ? REDACTED : headers[key]!;
  return out;
}

/** Calls a hook; a hook that throws must not change the outcome of the call. */
export function safely<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    hook(event);
  } catch {
    /* observability never breaks a call */
  }
}
