// Scripted faults (POST /_mock/faults): answer the next N calls of an operation with a code, add latency to them, or
// drop the connection. A fault matches valid, signed calls only (those that reached the emulator or Prism's example),
// so a test's own bad request never uses one up.
export const FAULT_KINDS = ['code', 'latencyMs', 'drop'];

/**
 * @typedef {object} FaultRule  one scripted fault, as parsed from its JSON description
 * @property {number} [id]
 * @property {number} remaining  calls it still answers
 * @property {string} [operationId]  the operation it matches (every operation without one)
 * @property {number} [code]
 * @property {string} [desc]
 * @property {number} [latencyMs]
 * @property {boolean} [drop]
 *
 * @typedef {object} FaultHit  what a call met: the latency adds up, the first code or drop wins
 * @property {number} latencyMs
 * @property {number} [code]
 * @property {string} [desc]
 * @property {boolean} [drop]
 * @property {number[]} ids  the rules used
 */

export function createFaults() {
  /** @type {FaultRule[]} */
  let rules = [];
  let nextId = 1;

  return {
    /**
     * Adds one fault from its JSON description; throws an Error naming the bad field.
     * @param {unknown} input
     */
    add(input) {
      const rule = parseFault(input);
      rule.id = nextId++;
      rules.push(rule);
      return describe(rule);
    },
    list: () => rules.map(describe),
    clear() {
      const n = rules.length;
      rules = [];
      return n;
    },
    /**
     * Uses up the faults a call of operationId meets: every matching latency adds up, the first matching code or
     * drop wins. Returns { latencyMs, code?, desc?, drop?, ids } or undefined when none matches.
     * @param {string} operationId
     */
    take(operationId) {
      /** @type {FaultHit | undefined} */
      let hit;
      for (const rule of rules) {
        if (rule.operationId !== undefined && rule.operationId !== operationId) continue;
        const decisive = rule.code !== undefined || rule.drop;
        if (decisive && (hit?.code !== undefined || hit?.drop)) continue;
        hit ??= { latencyMs: 0, ids: [] };
        if (rule.latencyMs) hit.latencyMs += rule.latencyMs;
        if (rule.code !== undefined) Object.assign(hit, { code: rule.code, desc: rule.desc });
        if (rule.drop) hit.drop = true;
        hit.ids.push(/** @type {number} */ (rule.id));
        rule.remaining--;
      }
      if (hit) rules = rules.filter((r) => r.remaining > 0);
      return hit;
    },
  };
}

/**
 * @param {any} input
 * @returns {FaultRule}
 */
function parseFault(input) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('a fault is a JSON object, e.g. {"operationId":"chatroomSendMsg","code":500}');
  const known = new Set(['operationId', 'code', 'desc', 'latencyMs', 'drop', 'times']);
  for (const key of Object.keys(input)) if (!known.has(key)) throw new Error(`unknown fault field '${key}' (known: ${[...known].join(', ')})`);
  const kinds = FAULT_KINDS.filter((k) => input[k] !== undefined && input[k] !== false);
  if (kinds.length !== 1) throw new Error(`a fault has exactly one of code, latencyMs, drop (got ${kinds.join(', ') || 'none'})`);
  /** @type {FaultRule} */
  const rule = { remaining: input.times ?? 1 };
  if (!Number.isInteger(rule.remaining) || rule.remaining < 1) throw new Error(`times must be a positive integer (default 1), got ${JSON.stringify(input.times)}`);
  if (input.operationId !== undefined) {
    if (typeof input.operationId !== 'string' || !input.operationId) throw new Error('operationId must be a non-empty string (omit it for every operation)');
    rule.operationId = input.operationId;
  }
  if (input.code !== undefined) {
    if (!Number.isInteger(input.code) || input.code < 0) throw new Error(`code must be a vendor code (an integer), got ${JSON.stringify(input.code)}`);
    if (input.desc !== undefined && typeof input.desc !== 'string') throw new Error('desc must be a string');
    rule.code = input.code;
    rule.desc = input.desc;
  } else if (input.desc !== undefined) {
    throw new Error('desc only goes with code');
  }
  if (input.latencyMs !== undefined) {
    if (!Number.isInteger(input.latencyMs) || input.latencyMs < 1 || input.latencyMs > 600_000) throw new Error(`latencyMs must be an integer 1-600000, got ${JSON.stringify(input.latencyMs)}`);
    rule.latencyMs = input.latencyMs;
  }
  if (input.drop !== undefined) {
    if (input.drop !== true) throw new Error('drop must be true');
    rule.drop = true;
  }
  return rule;
}

/** @param {FaultRule} rule */
function describe(rule) {
  const { id, remaining, ...rest } = rule;
  return { id, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), remaining };
}
