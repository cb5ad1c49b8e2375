// When to try a call again and how long to wait first.
import { MAX_TIMER_MS } from './checks.js';
import { onAbort } from './abort.js';
export interface RetryPolicy {
  /** Total attempts per call, the first included (1 = no retry). */
  maxAttempts: number;
  /** First backoff delay; doubles per attempt, capped at `maxDelayMs`, with jitter (50-100% of the step). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Body codes that are retried: the vendor's transient failures. 403/404/414/417/419 cannot be listed. */
  retryCodes: readonly number[];
  /** HTTP statuses that are retried (gateway failures). */
  retryStatuses: readonly number[];
  /** Retry when the request never got an HTTP response (connection refused, reset, DNS); fails over to the next host. */
  retryOnNetworkError: boolean;
  /**
   * Retry an attempt that timed out (off by default: the vendor may have done the work, and a second sendMsg would
   * send a second message). Fails over to the next host.
   */
  retryOnTimeout: boolean;
  /** Retry code 416 (frequency control) after `rateLimitDelayMs` plus up to 10% jitter. */
  retryOnRateLimit: boolean;
  /** The vendor blocks an app for about 10 s after it exceeds its rate. */
  rateLimitDelayMs: number;
  /**
   * Upper bound of each wait after a 416 (default: none). A wait shorter than the vendor's block usually meets
   * another 416, so this bounds how long a call can take (tests, request deadlines) rather than making it succeed.
   */
  maxRateLimitWaitMs: number;
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  retryCodes: Object.freeze([500, 503, 514]),
  retryStatuses: Object.freeze([502, 503, 504]),
  retryOnNetworkError: true,
  retryOnTimeout: false,
  retryOnRateLimit: true,
  rateLimitDelayMs: 10_000,
  maxRateLimitWaitMs: Number.POSITIVE_INFINITY,
});

/** Codes that mean the request itself is wrong or already done: retrying can never help. */
export const NEVER_RETRIED: readonly number[] = Object.freeze([403, 404, 414, 417, 419]);

/** Merges `retry` over the defaults and checks it; bad values are a TypeError naming the field. */
export function resolveRetryPolicy(retry: Partial<RetryPolicy> | false | undefined, base: Readonly<RetryPolicy> = defaultRetryPolicy): RetryPolicy {
  if (retry === false) return { ...base, maxAttempts: 1 };
  const policy: RetryPolicy = { ...base, ...retry };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new TypeError('retry.maxAttempts must be an integer >= 1');
  for (const key of ['baseDelayMs', 'maxDelayMs', 'rateLimitDelayMs'] as const) {
    // Above 2^31-1 ms a timer fires at once: the wait would silently vanish.
    if (!Number.isFinite(policy[key]) || policy[key] < 0 || policy[key] > MAX_TIMER_MS) throw new TypeError(`retry.${key} must be a number from 0 to ${MAX_TIMER_MS}`);
  }
  if (!(policy.maxRateLimitWaitMs >= 0)) throw new TypeError('retry.maxRateLimitWaitMs must be a number >= 0 (Infinity: no bound)');
  const never = policy.retryCodes.filter((c) => NEVER_RETRIED.includes(c));
  if (never.length) throw new TypeError(`retry.retryCodes cannot include ${never.join(', ')}: the request itself is wrong, retrying cannot help`);
  return policy;
}

/** Exponential backoff with jitter: a delay in [50%, 100%] of min(maxDelayMs, baseDelayMs * 2^(attempt-1)). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step * (0.5 + random() / 2));
}

/**
 * The wait after a 416: the vendor's block window plus up to 10% jitter, so many clients do not return at once;
 * never more than `maxRateLimitWaitMs`.
 */
export function rateLimitDelay(policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.min(policy.maxRateLimitWaitMs, Math.round(policy.rateLimitDelayMs * (1 + random() / 10)));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    const unsubscribe = signal ? onAbort(signal, aborted) : undefined;
    function done() {
      unsubscribe?.();
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
  });
}
