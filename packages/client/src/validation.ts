// Turns an ajv-style validator into readable issues; the validators themselves are generated from the spec.
import type { ValidationIssue } from './errors.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
export type Validators = Readonly<Record<string, CompiledValidator>>;

export function validateBody(validator: CompiledValidator, body: unknown): ValidationIssue[] {
  if (validator(body ?? {})) return [];
  return (validator.errors ?? []).map(toIssue);
}

function toIssue(e: AjvError): ValidationIssue {
  let field = e.instancePath
    .split('/')
    .slice(1)
    .map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
  if (e.keyword === 'required') field = joinField(field, String(e.params['missingProperty']));
  if (e.keyword === 'additionalProperties') field = joinField(field, String(e.params['additionalProperty']));
  const detail =
    e.keyword === 'required'
      ? 'is required'
      : e.keyword === 'additionalProperties'
        ? 'is not a parameter of this operation'
        : e.keyword === 'enum'
          ? `must be one of ${JSON.stringify(e.params['allowedValues'])}`
          : (e.message ?? e.keyword);
  return { field, rule: e.keyword, message: `${field || 'body'} ${detail}` };
}

const joinField = (base: string, key: string) => (base ? `${base}.${key}` : key);
