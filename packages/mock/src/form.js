// Form bodies read the way the vendor's Java servers plausibly read them (a servlet container's getParameter, then
// Integer/Long.parseLong and a strict boolean), before anything reaches Prism: whatever the bytes, the result is
// either clean fields or one readable 414 desc (docs/adr/0050). Prism then gets a canonical re-encoding of the
// fields, so no byte sequence reaches its decoder unchecked.

/** Any id of a request, as the spec's NimIdParam pattern: decimal digits within a signed 64-bit long. */
export const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
export const ID_PATTERN =
  '^(?:[0-9]{1,18}|[0-8][0-9]{18}|9[0-1][0-9]{17}|92[0-1][0-9]{16}|922[0-2][0-9]{15}|9223[0-2][0-9]{14}|92233[0-6][0-9]{13}|922337[0-1][0-9]{12}|92233720[0-2][0-9]{10}|922337203[0-5][0-9]{9}|9223372036[0-7][0-9]{8}|92233720368[0-4][0-9]{7}|922337203685[0-3][0-9]{6}|9223372036854[0-6][0-9]{5}|92233720368547[0-6][0-9]{4}|922337203685477[0-4][0-9]{3}|9223372036854775[0-7][0-9]{2}|922337203685477580[0-6]|9223372036854775807)$';

export const FORM_LIMITS = Object.freeze({
  /** Tomcat's default maxParameterCount: more fields than this is refused, not truncated. */
  maxFields: 1000,
  /** Nesting depth of the JSON inside a form field (the deepest documented one has 3 levels). */
  maxJsonDepth: 32,
});

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
// C0 controls and DEL; a value may hold TAB, LF and CR (a message text may span lines), a name none of them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The raw body as text, or null when its bytes are not UTF-8 (parseForm then answers 414).
 * @param {Uint8Array} bytes
 */
export function decodeBody(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Parses an application/x-www-form-urlencoded body (null: bytes that were not UTF-8) against an operation's request schema.
 * Returns { fields, canonical, repeated } (fields: a null-prototype object, the first value of each name;
 * canonical: the fields re-encoded for Prism; repeated: names sent more than once) or { desc } for a 414.
 * @param {string | null} text
 * @param {{ properties?: Record<string, any> }} [schema]
 * @param {typeof FORM_LIMITS} [limits]
 * @returns {{ desc: string, fields?: undefined, canonical?: undefined, repeated?: undefined }
 *   | { desc?: undefined, fields: Record<string, string>, canonical: string, repeated: string[] }}
 */
export function parseForm(text, schema = {}, limits = FORM_LIMITS) {
  if (text === null) return { desc: 'param error: the body is not valid UTF-8' };
  const properties = schema.properties ?? {};
  /** @type {Record<string, string>} */
  const fields = Object.create(null);
  /** @type {string[]} */
  const repeated = [];
  /** @type {string[]} */
  const problems = [];
  const pairs = text === '' ? [] : text.split('&');
  if (pairs.length > limits.maxFields) return { desc: `param error: more than ${limits.maxFields} form fields` };
  for (const pair of pairs) {
    if (pair === '') continue; // `a=1&&b=2`: servlet containers skip empty pairs
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    if (name === undefined || value === undefined) {
      return { desc: `param error: malformed percent-encoding in the form field ${quote(eq < 0 ? pair : pair.slice(0, eq))}` };
    }
    if (name === '') return { desc: 'param error: a form field has an empty name' };
    if (CONTROL_IN_NAME.test(name)) return { desc: `param error: the form field name ${quote(name)} holds a control character` };
    if (CONTROL_IN_VALUE.test(value)) return { desc: `param error: ${quote(name)} holds a control character (U+0000-U+001F other than tab and line breaks, or U+007F)` };
    if (name in fields) {
      if (!repeated.includes(name)) repeated.push(name); // getParameter: the first value wins
      continue;
    }
    const checked = checkValue(name, value, properties[name], limits);
    if (checked.problem) problems.push(checked.problem);
    fields[name] = checked.value;
  }
  if (problems.length) return { desc: `param error: ${problems.join('; ')}` };
  const canonical = new URLSearchParams();
  for (const name in fields) canonical.append(name, /** @type {string} */ (fields[name]));
  return { fields, canonical: canonical.toString(), repeated };
}

/**
 * One field's text against its schema: integers, numbers, booleans and ids as a Java server parses them.
 * @param {string} name
 * @param {string} value
 * @param {any} s  the field's schema (undefined for a field the schema does not name)
 * @param {typeof FORM_LIMITS} limits
 * @returns {{ value: string, problem?: string }}
 */
function checkValue(name, value, s, limits) {
  if (!s || typeof s !== 'object') return { value };
  if (s.type === 'integer') {
    if (!INTEGER.test(value)) return { value, problem: `${name} must be integer (decimal digits with an optional sign), got ${quote(value)}` };
    const n = BigInt(value);
    if (n > INT64_MAX || n < INT64_MIN) return { value, problem: `${name} is out of range, got ${quote(value)}` };
    return { value: n.toString() }; // `+5` and `007` are what Long.parseLong reads as 5 and 7
  }
  if (s.type === 'number') {
    if (!DECIMAL.test(value) || !Number.isFinite(Number(value))) return { value, problem: `${name} must be number (decimal digits, an optional fraction and exponent), got ${quote(value)}` };
    return { value };
  }
  if (s.type === 'boolean') {
    if (value !== 'true' && value !== 'false') return { value, problem: `${name} must be boolean (true or false), got ${quote(value)}` };
    return { value };
  }
  if (s.type === 'string' && s.pattern === ID_PATTERN) {
    if (!/^[0-9]+$/.test(value) || value.length > 19 || BigInt(value) > INT64_MAX) {
      return { value, problem: `${name} must be a decimal id from 0 to ${INT64_MAX}, got ${quote(value)}` };
    }
    return { value };
  }
  if (s.contentMediaType === 'application/json' && jsonDepth(value) > limits.maxJsonDepth) {
    return { value, problem: `${name} nests JSON deeper than ${limits.maxJsonDepth} levels` };
  }
  return { value };
}

/**
 * `+` is a space; every `%` starts two hex digits; the bytes they give must be UTF-8. Undefined otherwise.
 * @param {string} raw
 */
function decodeComponent(raw) {
  const text = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Deepest bracket nesting outside JSON strings (a cheap scan; JSON.parse and ajv recurse).
 * @param {string} text
 */
export function jsonDepth(text) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * A value for a desc: quoted, JSON-escaped (control characters stay visible) and cut to 40 characters.
 * @param {string} text
 */
function quote(text) {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}
