// One HTTP attempt: fetch(url, init) with a timeout covering the whole exchange (headers and body), and the
// caller's AbortSignal. No Request object is built: fetch(url, init) is measurably cheaper per call.
import type { FetchLike } from './options.js';
import { deadlineSlot, TIMED_OUT } from './deadline.js';

export type AttemptResult =
  | { kind: 'response'; status: number; text: string }
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
): Promise<AttemptResult> {
  if (signal?.aborted) return Promise.resolve({ kind: 'aborted', reason: signal.reason });
  const slot = deadlineSlot(timeoutMs);
  // AbortSignal.any adds no 'abort' listener to the caller's signal, which may be shared by many calls.
  const combined = signal ? AbortSignal.any([signal, slot.signal]) : slot.signal;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      slot.waiters.delete(expire);
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
      .then((response) => response.text().then((text) => finish({ kind: 'response', status: response.status, text })))
      .catch((error: unknown) => {
        if (signal?.aborted) finish({ kind: 'aborted', reason: signal.reason });
        else if (slot.signal.aborted && slot.signal.reason === TIMED_OUT) finish({ kind: 'timeout' });
        else finish({ kind: 'network', error });
      });
  });
}
