// Up-front checks of what the caller hands the client: a bad value is a TypeError naming the option, before anything
// is sent. Without them a CR/LF in a header fails inside fetch, looks like a network failure, is retried and marks a
// healthy host as failed; a timeout of 2^31 ms or more overflows the timer and fires at once.

/** The longest delay a timer honours (setTimeout fires at once above it). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The vendor refuses a Nonce over 128 characters. */
export const MAX_NONCE_LENGTH = 128;

/** A duration in milliseconds: a finite number from `min` to MAX_TIMER_MS. */
export function checkMs(value: unknown, name: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw new TypeError(`${name} must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}, got ${String(value)}`);
  }
  return value;
}

// Field values HTTP allows: no control character but tab, nothing above U+00FF (fetch sends headers as bytes), no
// leading or trailing whitespace (fetch would strip it, so the value sent would differ from the one given).
const HEADER_VALUE = /^(?:[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header value as fetch will send it unchanged. */
export function checkHeaderValue(value: unknown, name: string, { nonEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  if (nonEmpty && value === '') throw new TypeError(`${name} must not be empty`);
  if (!HEADER_VALUE.test(value)) {
    throw new TypeError(`${name} must be a valid HTTP header value: no CR, LF or other control characters, no characters above U+00FF, no leading or trailing whitespace`);
  }
  return value;
}

/** A header name: an HTTP token. */
export function checkHeaderName(name: string): string {
  if (!TOKEN.test(name)) throw new TypeError(`header name ${JSON.stringify(name)} is not a valid HTTP header name`);
  return name;
}

/** What a custom `nonce()` returned: 1-128 characters, a valid header value. */
export function checkNonce(value: unknown): string {
  const nonce = checkHeaderValue(value, 'nonce() output', { nonEmpty: true });
  if (nonce.length > MAX_NONCE_LENGTH) throw new TypeError(`nonce() output must be 1-${MAX_NONCE_LENGTH} characters, got ${nonce.length}`);
  return nonce;
}
