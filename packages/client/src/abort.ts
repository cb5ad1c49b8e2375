// Waiting on a caller's AbortSignal without one 'abort' listener per wait: many calls in backoff on one shared signal
// would otherwise pass Node's limit of 10 listeners and print a MaxListenersExceededWarning. One listener per signal
// wakes a set of waiters; a finished wait removes itself.
const waiters = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `wake` once when `signal` aborts; returns the function that stops waiting. */
export function onAbort(signal: AbortSignal, wake: () => void): () => void {
  let set = waiters.get(signal);
  if (!set) {
    const created = new Set<() => void>();
    set = created;
    waiters.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        waiters.delete(signal);
        for (const w of created) w();
      },
      { once: true },
    );
  }
  set.add(wake);
  const own = set;
  return () => own.delete(wake);
}
