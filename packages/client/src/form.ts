// The vendor's form encoding: scalars as text, booleans as true/false, JSON-in-form values (arrays and objects)
// as JSON; undefined and null are left out, so an omitted optional field is never sent.
export type FormValue = string | number | boolean | bigint | null | undefined | object;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** Encodes a body of form fields; anything but an object (or null/undefined for no fields) is a TypeError. */
export function encodeFormBody(body: unknown): string {
  if (body !== null && body !== undefined && (typeof body !== 'object' || Array.isArray(body))) {
    throw new TypeError('the request body must be an object of form fields');
  }
  const params = new URLSearchParams();
  if (body) {
    for (const [key, value] of Object.entries(body) as [string, FormValue][]) {
      if (value === undefined || value === null) continue;
      params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }
  return params.toString();
}
