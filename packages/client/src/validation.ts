// Turns a generated (ajv standalone) validator's errors into issues that name the field and the broken rule.
import type { ValidationIssue } from './errors.js';
// The generated validators' keyword for the wire maxLength of a JSON-in-form field (tools/codegen/validators.mjs).
import { ENCODED_MAX_LENGTH } from './generated/validators.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
export type Validators = Readonly<Record<string, CompiledValidator>>;
/** Validates one operation's body; an empty list means valid. */
export type ValidateFn = (operationId: string, body: unknown) => ValidationIssue[];

/** A ValidateFn over the generated validators. */
export function createValidate(validators: Validators): ValidateFn {
  return (operationId, body) => {
    const validator = validators[operationId];
    if (typeof validator !== 'function') throw new TypeError(`no validator for operation ${JSON.stringify(operationId)}`);
    return validateBody(validator, body);
  };
}

export function validateBody(validator: CompiledValidator, body: unknown): ValidationIssue[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [{ field: '', rule: 'type', message: 'the body must be an object of form fields' }];
  }
  if (validator(body)) return [];
  return (validator.errors ?? []).map(toIssue);
}


function toIssue(e: AjvError): ValidationIssue {
  let field = e.instancePath
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
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
          : (e.message ?? 'is invalid');
  const rule = e.keyword === ENCODED_MAX_LENGTH ? 'maxLength' : e.keyword;
  return { field, rule, message: `${field || 'body'} ${detail} (${rule})` };
}

const joinField = (base: string, key: string) => (base ? `${base}.${key}` : key);
