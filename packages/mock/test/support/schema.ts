// expectMatchesSchema(operationId, body): a stateful answer has exactly the shape of the operation's success schema
// (`<OperationId>Ok`, or the shared OkResponse), checked on the JSON text the mock would write (BigInt ids as digits).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { stringifyBody } from '../../src/emulator/json.js';
import { deref, okMedia } from '../../src/spec.js';
import { spec } from './mock.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The JSON number of a 64-bit id is checked as an integer; its exactness is the serialiser's job (json.js).
ajv.addFormat('nim-id', true);

const validators = new Map<string, (value: unknown) => string[]>();

function successSchema(operationId: string): any {
  const op = Object.values<any>(spec.paths).find((item) => item?.post?.operationId === operationId)?.post;
  if (!op) throw new Error(`no operation ${operationId} in the spec`);
  const schema = okMedia(op)!.schema;
  const branches: any[] = schema.oneOf ?? [schema];
  return deref(spec, branches.find((b) => !String(b.$ref ?? '').endsWith('/ErrorResponse')) ?? branches[0]);
}

/** Problems of `value` against `schema`, including the JSON inside string fields that carry a contentSchema. */
function check(schema: any, value: unknown, where: string): string[] {
  const validate = ajv.compile(schema);
  const problems = validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
  walk(schema, value, where, problems);
  return problems;
}

function walk(schema: any, value: any, where: string, problems: string[]): void {
  if (!schema || typeof schema !== 'object' || value === undefined || value === null) return;
  if (schema.contentSchema && typeof value === 'string') {
    try {
      problems.push(...check(schema.contentSchema, JSON.parse(value), `${where}(json)`));
    } catch {
      problems.push(`${where}: not JSON`);
    }
    return;
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const s of schema[k] ?? []) if (ajv.validate(s, value)) walk(s, value, where, problems);
  if (schema.properties && typeof value === 'object') {
    for (const [name, s] of Object.entries<any>(schema.properties)) walk(s, value[name], `${where}.${name}`, problems);
  }
  if (schema.items && Array.isArray(value)) value.forEach((v, i) => walk(schema.items, v, `${where}[${i}]`, problems));
}

/** Asserts that a handler's success body, as written on the wire, matches the operation's success schema. */
export function expectMatchesSchema(operationId: string, body: unknown): void {
  let validate = validators.get(operationId);
  if (!validate) {
    const schema = successSchema(operationId);
    validate = (value) => check(schema, value, operationId);
    validators.set(operationId, validate);
  }
  const wire = JSON.parse(stringifyBody(body));
  expect(wire.code, `${operationId} answered ${JSON.stringify(wire)}`).toBe(200);
  expect(validate(wire)).toEqual([]);
}
