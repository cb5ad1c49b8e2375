// The request journal (GET /_mock/requests): what the service under test sent, so a test can assert on it. Bounded;
// form fields only (never headers), without secrets, long values cut.
export const JOURNAL_LIMIT = 10_000;
const VALUE_LIMIT = 2_000;
const SECRET_FIELD = /secret|checksum|password/i;

/**
 * @typedef {object} JournalEntry
 * @property {number} seq
 * @property {number} time  Unix ms
 * @property {string | null} appKey
 * @property {string | null} operationId
 * @property {string} path
 * @property {Record<string, string>} fields
 * @property {number | null} code
 * @property {number | null} status
 * @property {number[]} [fault]  the scripted faults the call used
 */

/** @param {{ limit?: number, appSecret?: string }} [options] */
export function createJournal({ limit = JOURNAL_LIMIT, appSecret } = {}) {
  /** @type {JournalEntry[]} */
  let entries = [];
  let seq = 0;

  return {
    /**
     * One answered API request.
     * @param {{ time: number, appKey: string | null, operationId?: string, path: string, body: string, code?: number | null,
     *   status: number | null, fault?: number[] }} request
     */
    record({ time, appKey, operationId, path, body, code, status, fault }) {
      /** @type {JournalEntry} */
      const entry = { seq: ++seq, time, appKey, operationId: operationId ?? null, path, fields: fields(body, appSecret), code: code ?? null, status };
      if (fault) entry.fault = fault;
      entries.push(entry);
      if (entries.length > limit) entries = entries.slice(-Math.floor(limit * 0.9)); // amortised trimming
    },
    /**
     * Entries oldest first, filtered by operationId / appKey, the last `limit` of them.
     * @param {{ operationId?: string, appKey?: string, limit?: number }} [filter]
     */
    list({ operationId, appKey, limit: max } = {}) {
      let out = entries;
      if (operationId) out = out.filter((e) => e.operationId === operationId);
      if (appKey) out = out.filter((e) => e.appKey === appKey);
      return max ? out.slice(-max) : [...out];
    },
    /** @param {string} [appKey] */
    clear(appKey) {
      entries = appKey === undefined ? [] : entries.filter((e) => e.appKey !== appKey);
    },
  };
}

/**
 * The form's fields (first value wins), secrets removed, long values cut.
 * @param {string} body
 * @param {string} [appSecret]
 */
function fields(body, appSecret) {
  /** @type {Record<string, string>} */
  const out = {};
  if (!body) return out;
  for (const [key, value] of new URLSearchParams(body)) {
    if (key in out || SECRET_FIELD.test(key) || (appSecret && value.includes(appSecret))) continue;
    out[key] = value.length > VALUE_LIMIT ? `${value.slice(0, VALUE_LIMIT)}... (${value.length} characters)` : value;
  }
  return out;
}
