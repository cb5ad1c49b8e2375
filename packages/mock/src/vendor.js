// How the vendor answers: HTTP 200 and the outcome in the body's `code`.
export const PARAM_ERROR = 414;
export const RATE_LIMITED = 416;

export function vendorBody(code, desc) {
  return { code, desc };
}
