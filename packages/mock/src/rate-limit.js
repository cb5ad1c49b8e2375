// Opt-in simulation of the vendor's frequency control: more than `limit` calls within `windowMs` for one
// (AppKey, operation) pair answers 416 and blocks that pair for `blockMs` (the vendor: 100 calls/s, 10 s).
// Fixed windows, like a per-second counter; calls refused while blocked neither count nor extend the block.
export const VENDOR_RATE_LIMIT = Object.freeze({ limit: 100, windowMs: 1000, blockMs: 10_000 });
const MAX_KEYS = 10_000; // without auth any AppKey is accepted: keep the table bounded

/**
 * @param {{ limit?: number, windowMs?: number, blockMs?: number, now?: () => number }} [options]
 */
export function createRateLimiter({ limit = VENDOR_RATE_LIMIT.limit, windowMs = VENDOR_RATE_LIMIT.windowMs, blockMs = VENDOR_RATE_LIMIT.blockMs, now = Date.now } = {}) {
  for (const [name, value] of Object.entries({ limit, windowMs, blockMs })) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`rateLimit.${name} must be a positive integer, got ${value}`);
  }
  const state = new Map();

  /**
   * Counts one call; returns undefined when it may pass, else { remainingMs } of the block.
   * @param {string} key
   */
  return function hit(key) {
    const t = now();
    let s = state.get(key);
    if (!s) {
      if (state.size >= MAX_KEYS) prune(t);
      state.set(key, (s = { windowStart: t, count: 0, blockedUntil: 0 }));
    }
    if (t < s.blockedUntil) return { remainingMs: s.blockedUntil - t };
    if (t - s.windowStart >= windowMs) {
      s.windowStart = t;
      s.count = 0;
    }
    s.count++;
    if (s.count > limit) {
      s.blockedUntil = t + blockMs;
      return { remainingMs: blockMs };
    }
    return undefined;
  };

  /**
   * @param {number} t
   */
  function prune(t) {
    for (const [key, s] of state) if (t >= s.blockedUntil && t - s.windowStart >= windowMs) state.delete(key);
    if (state.size >= MAX_KEYS) state.clear();
  }
}
