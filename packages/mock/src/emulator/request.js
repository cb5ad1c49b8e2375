// EmuRequest: a validated form body as a handler reads it (first value of a repeated field wins, as in the gap checks).
import { parseJsonExact } from './json.js';

/**
 * @param {string} operationId
 * @param {string | URLSearchParams | Record<string, string>} form the raw form body, or its fields
 */
export function createEmuRequest(operationId, form) {
  /** @type {Map<string, string>} */
  const fields = new Map();
  const entries = typeof form === 'string' ? new URLSearchParams(form) : form instanceof URLSearchParams ? form : Object.entries(form ?? {});
  for (const [k, v] of entries) if (!fields.has(k)) fields.set(k, String(v));

  return {
    operationId,
    fields,
    /**
     * The field as sent. Typed `string`: a field the operation requires is always there (validated before any model
     * runs); an optional one reads undefined when absent, which handlers test for.
     */
    string: (/** @type {string} */ name) => /** @type {string} */ (fields.get(name)),
    /** The field as a Number, or undefined when absent or empty. */
    /** @param {string} name */
    int(name) {
      const v = fields.get(name);
      return v === undefined || v.trim() === '' ? undefined : Number(v);
    },
    /** An id field as BigInt (exact above 2^53), or undefined when absent or not an integer. */
    /** @param {string} name */
    bigint(name) {
      const v = fields.get(name)?.trim();
      return v && /^-?\d+$/.test(v) ? BigInt(v) : undefined;
    },
    /** 'true' -> true, 'false' -> false, anything else (or absent) -> undefined. */
    /** @param {string} name */
    bool(name) {
      const v = fields.get(name);
      return v === 'true' ? true : v === 'false' ? false : undefined;
    },
    /** A JSON-in-form field parsed (integers above 2^53 as BigInt), or undefined when absent. */
    /** @param {string} name */
    json(name) {
      const v = fields.get(name);
      return v === undefined ? undefined : parseJsonExact(v);
    },
  };
}
