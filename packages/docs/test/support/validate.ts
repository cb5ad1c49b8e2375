// Validates a decoded form body against an operation's request schema, the way the vendor reads it: scalars
// coerced from their text, and every JSON-inside-a-form-field value parsed and checked against its contentSchema.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { requestSchema } from '@nimkit/spec-lib';

// Form fields are text: the wire schema's integers and booleans are read from it (coerceTypes). JSON values are
// real JSON, so their schemas are checked without any coercion ([6790] must not pass for ["6790"]).
const formAjv = createAjv(true);
const jsonAjv = createAjv(false);

function createAjv(coerceTypes: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes });
  addFormats(ajv);
  ajv.addFormat('nim-id', true);
  return ajv;
}

/** Problems found (empty when the form is valid). */
export function validateForm(spec: any, op: any, form: URLSearchParams): string[] {
  const schema = requestSchema(spec, op);
  const problems: string[] = [];
  const names = [...form.keys()];
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) problems.push(`repeated fields: ${repeated.join(', ')}`);
  const wire: Record<string, unknown> = Object.fromEntries(form);
  const validate = formAjv.compile(schema);
  if (!validate(wire)) problems.push(...validate.errors!.map((e) => `${e.instancePath || '(body)'} ${e.message}`));
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    if (!property.contentSchema || !form.has(name)) continue;
    let value: unknown;
    try {
      value = JSON.parse(form.get(name)!);
    } catch {
      problems.push(`${name} is not JSON: ${form.get(name)}`);
      continue;
    }
    const check = jsonAjv.compile(property.contentSchema);
    if (!check(value)) problems.push(...check.errors!.map((e) => `${name}${e.instancePath} ${e.message}`));
  }
  return problems;
}
