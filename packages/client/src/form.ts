// The vendor's form encoding: scalars as text, booleans as true/false, JSON-in-form values (arrays and objects)
// as JSON; undefined and null are left out, so an omitted optional field is never sent.
export type FormValue = string | number | boolean | bigint | null | undefined | object;

export function encodeFormBody(body: Record<string, FormValue> | undefined): string {
  const params = new URLSearchParams();
  if (body) {
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }
  return params.toString();
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';
