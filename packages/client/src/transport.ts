// One HTTP attempt: fetch(url, init) with a timeout covering the whole exchange (headers and body), the caller's
// AbortSignal, and a bound on the body read (maxResponseBytes: past it the stream is cancelled, not buffered). No
// Request object is built: fetch(url, init) is measurably cheaper per call.
import type { FetchLike } from './options.js';
import { deadlineSlot, TIMED_OUT } from './deadline.js';

export type AttemptResult =
  | { kind: 'response'; status: number; text: string }
  | { kind: 'too-large'; status: number }
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'network'; error: unknown };

export function sendAttempt(
  fetchFn: FetchLike,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  maxResponseBytes: number,
): Promise<AttemptResult> {
  if (signal?.aborted) return Promise.resolve({ kind: 'aborted', reason: signal.reason });
  const slot = deadlineSlot(timeoutMs);
  // AbortSignal.any adds no 'abort' listener to the caller's signal, which may be shared by many calls.
  const combined = signal ? AbortSignal.any([signal, slot.signal]) : slot.signal;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      slot.waiters.delete(expire);
      // A body still streaming (timeout, abort, too large) is cancelled so its bytes stop arriving.
      if (reader && result.kind !== 'response') reader.cancel().catch(() => {});
      resolve(result);
    };
    // Settles the attempt at the deadline even if a custom fetch ignores the signal.
    const expire = () => finish({ kind: 'timeout' });
    slot.waiters.add(expire);
    // redirect 'manual': the vendor never redirects, so a 3xx comes from a proxy or a captive portal. Following it
    // would report a request that never reached the action as answered, and hand the signed headers to another URL.
    let sent: Promise<Response>;
    try {
      sent = fetchFn(url, { method: 'POST', headers, body, signal: combined, redirect: 'manual' });
    } catch (error) {
      // A custom fetch that throws instead of rejecting is a network failure like any other (typed, scrubbed).
      return finish({ kind: 'network', error });
    }
    Promise.resolve(sent)
      .then((response) => {
        const status = response.status;
        // A custom fetch may resolve to a Response-like object without headers: then the body is read bounded.
        const header = (name: string) => response.headers?.get?.(name) ?? undefined;
        const declared = Number(header('content-length') ?? NaN);
        if (declared > maxResponseBytes) {
          response.body?.cancel().catch(() => {});
          return finish({ kind: 'too-large', status });
        }
        // A declared length within the bound is enforced by fetch itself: read it the fast way. Not for a compressed
        // body: its declared length is the compressed one, and a small gzip bomb inflates to gigabytes.
        const plain = declared >= 0 && !header('content-encoding');
        if (plain || !response.body || typeof response.body.getReader !== 'function') {
          return response.text().then((text) => finish(text.length > maxResponseBytes ? { kind: 'too-large', status } : { kind: 'response', status, text }));
        }
        reader = response.body.getReader();
        return readBounded(reader, maxResponseBytes).then((text) => finish(text === undefined ? { kind: 'too-large', status } : { kind: 'response', status, text }));
      })
      .catch((error: unknown) => {
        if (signal?.aborted) finish({ kind: 'aborted', reason: signal.reason });
        else if (slot.signal.aborted && slot.signal.reason === TIMED_OUT) finish({ kind: 'timeout' });
        else finish({ kind: 'network', error });
      });
  });
}

/** The body as text, or undefined as soon as more than `max` bytes arrived. */
async function readBounded(reader: ReadableStreamDefaultReader<Uint8Array>, max: number): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) return undefined;
    text += decoder.decode(value, { stream: true });
  }
}
