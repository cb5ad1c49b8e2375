// Observability hooks. Payloads never carry the AppSecret, and the CheckSum header is redacted.
export interface RequestEvent {
  operationId: string;
  requestId: string;
  attempt: number;
  url: string;
  /** The request headers, CheckSum redacted. */
  headers: Record<string, string>;
}
export interface ResponseEvent extends RequestEvent {
  status: number;
  /** The body `code`, when the body was JSON. */
  code: number | undefined;
  durationMs: number;
}
export interface ErrorEvent extends RequestEvent {
  error: Error;
  durationMs: number;
  /** Whether the client will try again. */
  willRetry: boolean;
}
export interface NimHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onError?(event: ErrorEvent): void;
}

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = key.toLowerCase() === 'checksum' ? '[redacted]' : value;
  });
  return out;
}

/** A hook that throws must not break the call. */
export function safely<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    hook(event);
  } catch {
    /* observability must never change the outcome */
  }
}
