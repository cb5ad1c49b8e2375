// The retry policy: defaults, checks of bad input, backoff bounds and the abortable wait.
import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, NEVER_RETRIED, rateLimitDelay, resolveRetryPolicy, sleep } from '../src/retry.js';

describe('resolveRetryPolicy', () => {
  it('defaults: 3 attempts; body codes 500/503/514; HTTP 502/503/504; 416 after the 10 s block; no timeout retry', () => {
    const p = resolveRetryPolicy(undefined);
    expect(p).toMatchObject({ maxAttempts: 3, retryCodes: [500, 503, 514], retryStatuses: [502, 503, 504], retryOnRateLimit: true, rateLimitDelayMs: 10_000, retryOnTimeout: false, retryOnNetworkError: true });
  });

  it('false means exactly one attempt', () => {
    expect(resolveRetryPolicy(false).maxAttempts).toBe(1);
  });

  it('merges a partial policy over the defaults without changing them', () => {
    const p = resolveRetryPolicy({ maxAttempts: 5, rateLimitDelayMs: 50 });
    expect(p.maxAttempts).toBe(5);
    expect(p.rateLimitDelayMs).toBe(50);
    expect(defaultRetryPolicy.maxAttempts).toBe(3);
    expect(Object.isFrozen(defaultRetryPolicy)).toBe(true);
  });

  it('refuses to retry codes that mean the request itself is wrong', () => {
    expect(NEVER_RETRIED).toEqual([403, 404, 414, 417, 419]);
    for (const code of NEVER_RETRIED) expect(() => resolveRetryPolicy({ retryCodes: [500, code] })).toThrow(new RegExp(`cannot include ${code}`));
  });

  it('refuses nonsense numbers with a message naming the field', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(/baseDelayMs/);
    expect(() => resolveRetryPolicy({ rateLimitDelayMs: Number.NaN })).toThrow(/rateLimitDelayMs/);
  });
});

describe('backoffDelay', () => {
  const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000 });

  it('doubles per attempt with jitter between 50% and 100% of the step, capped at maxDelayMs', () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 2, () => 0)).toBe(100);
    expect(backoffDelay(policy, 3, () => 1)).toBe(400);
    expect(backoffDelay(policy, 10, () => 1)).toBe(1_000);
    expect(backoffDelay(policy, 10, () => 0)).toBe(500);
  });

  it('stays within bounds for random jitter', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      for (let i = 0; i < 200; i++) {
        const step = Math.min(1_000, 100 * 2 ** (attempt - 1));
        const d = backoffDelay(policy, attempt);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });

  it('never waits longer than maxRateLimitWaitMs after a 416, and checks the bound', () => {
    const p = resolveRetryPolicy({ rateLimitDelayMs: 10_000, maxRateLimitWaitMs: 500 });
    expect(rateLimitDelay(p, () => 1)).toBe(500);
    expect(rateLimitDelay(resolveRetryPolicy({}), () => 1)).toBe(11_000);
    expect(() => resolveRetryPolicy({ maxRateLimitWaitMs: Number.NaN })).toThrow(/maxRateLimitWaitMs/);
    expect(() => resolveRetryPolicy({ maxRateLimitWaitMs: -1 })).toThrow(/maxRateLimitWaitMs/);
  });

  it('waits out the rate-limit block plus at most 10% jitter', () => {
    const p = resolveRetryPolicy({ rateLimitDelayMs: 10_000 });
    expect(rateLimitDelay(p, () => 0)).toBe(10_000);
    expect(rateLimitDelay(p, () => 1)).toBe(11_000);
  });
});

describe('sleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('rejects at once for an already aborted signal, and resolves otherwise', async () => {
    await expect(sleep(1, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
