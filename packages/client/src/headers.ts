// Extra headers chosen by the caller; the auth and framing headers are the client's alone.
import { checkHeaderValue } from './checks.js';

const RESERVED = new Set(['content-type', 'appkey', 'nonce', 'curtime', 'checksum', 'requestid']);

/** Returns the headers when every name is allowed and every value is a valid header value; otherwise a TypeError. */
export function checkExtraHeaders(headers: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  for (const [name, value] of Object.entries(headers)) {
    if (RESERVED.has(name.toLowerCase())) throw new TypeError(`header ${name} is set by the client and cannot be overridden`);
    if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name)) throw new TypeError(`header name ${JSON.stringify(name)} is not an HTTP token`);
    checkHeaderValue(value, `header ${name}`);
  }
  return headers;
}
