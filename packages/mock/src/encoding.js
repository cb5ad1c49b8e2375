// The two encodings of a success body (docs/adr/0042). Every mode produces the vendor docs' form; with encoding
// `sdk` one final transform, applied where the HTTP front writes the answer, rewrites it into the form the official
// Go server SDK decodes. The spec says where the forms differ: a `oneOf` whose branches carry `x-nim-encoding`.
import { stringifyBody } from './emulator/json.js';
import { deref, okMedia } from './spec.js';
import { vendorBody } from './vendor.js';

export const ENCODINGS = Object.freeze(['docs', 'sdk']);
/** Per-request choice of the encoding, overriding the mock's option (lowercase, as node:http gives headers). */
export const ENCODING_HEADER = 'x-nim-mock-encoding';

/**
 * The branch of an encoding alternative that serves `encoding`, or undefined when `schema` is not one.
 * @param {any} schema
 * @param {string} encoding
 * @returns {any}
 */
function branch(schema, encoding) {
  const alternatives = schema?.oneOf ?? schema?.anyOf;
  return Array.isArray(alternatives) ? alternatives.find((b) => b?.['x-nim-encoding'] === encoding) : undefined;
}

/** @param {any} schema */
const isJsonText = (schema) => schema?.type === 'string' && schema.contentMediaType === 'application/json';

/**
 * A copy of a dereferenced schema with every encoding alternative replaced by its branch for `encoding`.
 * @param {any} schema
 * @param {string} encoding
 * @returns {any}
 */
export function onlyEncoding(schema, encoding) {
  if (Array.isArray(schema)) return schema.map((s) => onlyEncoding(s, encoding));
  if (!schema || typeof schema !== 'object') return schema;
  const chosen = branch(schema, encoding);
  if (chosen) {
    const { oneOf, anyOf, ...rest } = schema;
    return onlyEncoding({ ...rest, ...chosen }, encoding);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, onlyEncoding(v, encoding)]));
}

/**
 * True when a dereferenced schema has an encoding alternative anywhere below it.
 * @param {any} schema
 * @returns {boolean}
 */
function hasAlternative(schema) {
  if (!schema || typeof schema !== 'object') return false;
  if (branch(schema, 'sdk')) return true;
  return Object.values(schema).some(hasAlternative);
}

/**
 * Rewrites a doc-form value into the SDK form its schema describes (a new value; the input is not modified).
 * @param {any} value
 * @param {any} schema  dereferenced
 * @returns {any}
 */
function toSdkForm(value, schema) {
  if (value === undefined || value === null || !schema) return value;
  const sdk = branch(schema, 'sdk');
  if (sdk) {
    // stringifyBody: the emulator's ids are BigInt (JSON.stringify throws on them), written as exact digits.
    if (isJsonText(sdk)) return stringifyBody(toSdkForm(typeof value === 'string' ? parseOr(value) : value, sdk.contentSchema));
    // The docs form is JSON text and the SDK's a real value (robot accid lists): parse it.
    if (typeof value === 'string' && isJsonText(branch(schema, 'docs'))) return toSdkForm(parseOr(value), sdk);
    return toSdkForm(value, sdk);
  }
  // A decimal string where the SDK's form has a number (sendMsg `time`, the ids inside queryUserRoomIds' JSON text).
  // Beyond 2^53 JSON.stringify could not write the number exactly, so such a value stays a string.
  if (schema.type === 'integer' && typeof value === 'string' && /^[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  // A number where the SDK's form has a decimal string (batchSendMsg's `highPriorityFlag`).
  if (schema.type === 'string' && schema.pattern === '^[0-9]+$' && (typeof value === 'bigint' || Number.isInteger(value))) return String(value);
  if (Array.isArray(value)) return schema.items ? value.map((v) => toSdkForm(v, schema.items)) : value;
  if (typeof value === 'object') {
    // Named members, then the map values (`additionalProperties`: batchSendMsg's `{msgId: message}` entries).
    const rest = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    if (!schema.properties && !rest) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const field = schema.properties?.[k] ?? rest;
        return [k, field ? toSdkForm(v, field) : v];
      }),
    );
  }
  return value;
}

/** @param {string} text */
function parseOr(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON after all: pass it on unchanged rather than fail the answer
  }
}

/**
 * Builds the final step of the HTTP front: (outcome, request headers) -> the outcome to write. Only success bodies
 * (`code` 200) of operations with an encoding alternative change, and only when the encoding is `sdk`; a bad
 * X-Nim-Mock-Encoding header is a misused mock, answered HTTP 400 (docs/adr/0020).
 * @param {Record<string, any>} spec
 * @param {string} [defaultEncoding]
 * @returns {(outcome: import('./handler.js').Outcome, headers: import('node:http').IncomingHttpHeaders) => import('./handler.js').Outcome}
 */
export function createEncoder(spec, defaultEncoding = 'docs') {
  /** @type {Map<string, any>} */
  const successSchemas = new Map();
  for (const item of Object.values(spec.paths)) {
    const op = item?.post;
    const oneOf = okMedia(op ?? {})?.schema?.oneOf;
    if (!op || !oneOf) continue;
    const success = deref(spec, oneOf.find((/** @type {{ $ref?: string }} */ b) => !String(b.$ref ?? '').endsWith('/ErrorResponse')) ?? oneOf[0]);
    if (hasAlternative(success)) successSchemas.set(op.operationId, success);
  }
  return function encode(outcome, headers) {
    if (!outcome.operationId) return outcome; // health checks and unknown actions have no encoding
    const asked = headers[ENCODING_HEADER];
    if (asked !== undefined && !ENCODINGS.includes(String(asked).trim().toLowerCase())) {
      const desc = `nim-mock: ${ENCODING_HEADER} must be one of ${ENCODINGS.join(', ')}, got '${asked}'`;
      return { ...outcome, status: 400, body: vendorBody(400, desc) };
    }
    const encoding = asked === undefined ? defaultEncoding : String(asked).trim().toLowerCase();
    const schema = encoding === 'sdk' && outcome.body?.code === 200 && (outcome.status ?? 200) === 200 ? successSchemas.get(outcome.operationId) : undefined;
    return schema ? { ...outcome, body: toSdkForm(outcome.body, schema), encoding } : outcome;
  };
}
