// Attempt timeouts without a timer and an AbortController per call (both cost several microseconds per call,
// AbortController notably on Node 20): attempts whose deadlines fall in the same short slot share one controller
// and one timer. An attempt times out between timeoutMs and timeoutMs + slot (slot = 5% of the timeout, 1-50 ms).
// Slots stay short because fetch implementations (undici) keep one weakly held listener per request on the signal
// until garbage collection, and scan them on every request.
// Waiters are kept in a Set rather than as 'abort' listeners, so many concurrent calls never trip Node's
// EventTarget leak warning.

import { MAX_TIMER_MS } from './checks.js';

/** The reason a slot's signal aborts with; tells a timeout apart from other failures. */
export const TIMED_OUT: unique symbol = Symbol('nimkit.timeout');

export interface DeadlineSlot {
  /** Aborts (reason TIMED_OUT) when the slot expires. */
  readonly signal: AbortSignal;
  /** Called when the slot expires; a settled attempt removes itself. */
  readonly waiters: Set<() => void>;
}

const slots = new Map<number, DeadlineSlot>();

// Cloudflare Workers tie timers and I/O objects to the request that created them: share nothing there.
const shareSlots = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent !== 'Cloudflare-Workers';

/** The slot of an attempt starting now with `timeoutMs`. */
export function deadlineSlot(timeoutMs: number): DeadlineSlot {
  const width = Math.max(1, Math.min(50, Math.floor(timeoutMs / 20)));
  const due = Math.ceil((Date.now() + timeoutMs) / width) * width;
  const key = due * 256 + (width % 256);
  let slot = shareSlots ? slots.get(key) : undefined;
  if (!slot) {
    const controller = new AbortController();
    const created: DeadlineSlot = { signal: controller.signal, waiters: new Set() };
    slot = created;
    if (shareSlots) slots.set(key, created);
    const timer = setTimeout(() => {
      slots.delete(key);
      controller.abort(TIMED_OUT);
      for (const wake of created.waiters) wake();
      created.waiters.clear();
    }, Math.min(due - Date.now(), MAX_TIMER_MS)); // rounding up to the slot must not push a timer past its limit
    // A pending slot must not keep a Node process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  }
  return slot;
}
