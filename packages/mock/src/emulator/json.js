// JSON with exact 64-bit ids: BigInt values are written as bare digits (JSON.stringify refuses BigInt, and a Number
// above 2^53 would be rounded); JSON-in-form fields are read with integers above 2^53 kept exact as BigInt.

// A per-process marker no request can predict, so a client's own string is never mistaken for an id.
const MARK = `@nimbig${Math.random().toString(36).slice(2, 12)}:`;
const MARKED = new RegExp(`"${MARK}(-?\\d+)"`, 'g');

/**
 * JSON text of an answer body; BigInt values appear as exact JSON numbers.
 * @param {unknown} body
 * @returns {string}
 */
export function stringifyBody(body) {
  // Most bodies (examples, refusals) have no BigInt: the plain call is the fast path, and a BigInt makes it throw early.
  try {
    return JSON.stringify(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  let big = false;
  const text = JSON.stringify(body, (_key, value) => {
    if (typeof value !== 'bigint') return value;
    big = true;
    return MARK + value.toString();
  });
  return big ? text.replace(MARKED, '$1') : text;
}

const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![.eE\d])/g;

/**
 * JSON.parse, except that integers that are not safe Numbers become BigInt (ids in JSON-in-form fields).
 * @param {string} text
 * @returns {any}
 */
export function parseJsonExact(text) {
  let big = false;
  const marked = text.replace(TOKENS, (token) => {
    if (token.startsWith('"')) return token;
    big = true;
    return `"${MARK}${token}"`;
  });
  if (!big) return JSON.parse(text);
  return JSON.parse(marked, (_key, value) => {
    if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
    const n = BigInt(value.slice(MARK.length));
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  });
}
