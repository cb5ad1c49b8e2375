// Opt-in simulation of the vendor's frequency control: more than `limit` calls per second per operation and AppKey
// answers 416 and blocks that pair for `blockMs` (the vendor: 100/s, 10 s).
export function createRateLimiter({ limit = 100, windowMs = 1000, blockMs = 10_000, now = Date.now } = {}) {
  const state = new Map();
  return function hit(key) {
    const t = now();
    let s = state.get(key);
    if (!s) state.set(key, (s = { windowStart: t, count: 0, blockedUntil: 0 }));
    if (t < s.blockedUntil) return true;
    if (t - s.windowStart >= windowMs) {
      s.windowStart = t;
      s.count = 0;
    }
    s.count++;
    if (s.count > limit) {
      s.blockedUntil = t + blockMs;
      return true;
    }
    return false;
  };
}
