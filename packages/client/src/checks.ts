// Up-front checks of what the caller hands the client: a bad value is a TypeError naming the option, before anything
// is sent. Without them a CR/LF in a header fails inside fetch, looks like a network failure, is retried and marks a
// healthy host as failed; a timeout of 2^31 ms or more overflows the timer and fires at once.

/** The longest delay a timer honours (setTimeout fires at once above it). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The vendor refuses a Nonce over 128 characters. */
export const MAX_NONCE_LENGTH = 128;

/** A duration in milliseconds: a number from `min` to MAX_TIMER_MS. */
export function checkMs(value: unknown, name: string, min = 1): number {
  if (typeof value !== 'number' || !(value >= min && value <= MAX_TIMER_MS)) throw new TypeError(`${name} must be ${min}-${MAX_TIMER_MS} ms, got ${String(value)}`);
  return value as number;
}

// Field values HTTP allows: no control character but tab, nothing above U+00FF (fetch sends headers as bytes), no
// leading or trailing whitespace (fetch would strip it, so the value sent would differ from the one given).
const HEADER_VALUE = /^(?:[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?$/;

/** A header value fetch sends unchanged; `max` > 0 also asks for 1 to `max` characters. */
export function checkHeaderValue(value: unknown, name: string, max = 0): string {
  if (typeof value !== 'string' || !HEADER_VALUE.test(value) || (max && !(value.length >= 1 && value.length <= max))) {
    throw new TypeError(`${name} must be a valid HTTP header value (no control characters, nothing above U+00FF, no surrounding spaces${max ? `, 1-${max} characters` : ''})`);
  }
  return value;
}

/** What a custom `nonce()` returned: 1-128 characters valid in a header. */
export const checkNonce = (value: unknown): string => checkHeaderValue(value, 'nonce() output', MAX_NONCE_LENGTH);
