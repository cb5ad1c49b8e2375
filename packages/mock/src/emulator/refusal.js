// A model's refusal: thrown by ctx.fail, turned by the framework into the vendor's `{ code, desc }` answer.
export class Refusal extends Error {
  /** @param {number} code the vendor's code (404, 403, 417, 419, 13002, ...) @param {string} desc */
  constructor(code, desc) {
    // A refusal is an answer, not a bug: no stack trace to capture (it was a tenth of a refused call's time).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(desc);
    Error.stackTraceLimit = limit;
    this.name = 'Refusal';
    this.code = code;
    this.desc = desc;
  }

  get body() {
    return { code: this.code, desc: this.desc };
  }
}

/**
 * Throws the vendor refusal `{ code, desc }`.
 * @param {number} code
 * @param {string} desc
 * @returns {never}
 */
export function fail(code, desc) {
  throw new Refusal(code, desc);
}
