// When and how long to wait before another attempt.
export interface RetryPolicy {
  /** Total attempts per call, the first included (1 = no retry). */
  maxAttempts: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Body codes that are retried (the vendor's transient failures). */
  retryCodes: readonly number[];
  /** HTTP statuses that are retried. */
  retryStatuses: readonly number[];
  /** Retry a call that timed out (safe: the RequestId lets the vendor drop duplicates, code 431). */
  retryOnTimeout: boolean;
  /** Retry code 416 after `rateLimitDelayMs` (the vendor blocks an app for about 10 s). */
  retryOnRateLimit: boolean;
  rateLimitDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  retryCodes: [500, 503, 514],
  retryStatuses: [502, 503, 504],
  retryOnTimeout: true,
  retryOnRateLimit: true,
  rateLimitDelayMs: 10_000,
};

/** Codes that mean the request itself is wrong: retrying can never help. */
export const NEVER_RETRIED = new Set([403, 404, 414, 417, 419]);

export function resolveRetryPolicy(retry: Partial<RetryPolicy> | false | undefined): RetryPolicy {
  if (retry === false) return { ...defaultRetryPolicy, maxAttempts: 1 };
  const policy = { ...defaultRetryPolicy, ...retry };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new TypeError('retry.maxAttempts must be an integer >= 1');
  policy.retryCodes = policy.retryCodes.filter((c) => !NEVER_RETRIED.has(c));
  return policy;
}

/** Exponential backoff with jitter in [50%, 100%] of the step. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step * (0.5 + random() / 2));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
