// How the vendor answers: HTTP 200 and the outcome in the body's `code`, with its own wording where it is known.
export const OK = 200;
export const PARAM_ERROR = 414;
export const RATE_LIMITED = 416;

/** The vendor's exact `desc` texts (from its support pages and the spec's shared examples). */
export const DESC = Object.freeze({
  checksum: 'check checksum error',
  curTimeExpired: 'CurTime is expired',
  rateLimited: 'frequency limit',
});

/**
 * @param {number} code
 * @param {unknown} desc
 */
export function vendorBody(code, desc) {
  return { code, desc };
}
