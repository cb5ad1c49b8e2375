// expectMatchesSchema(operationId, body): a stateful answer has exactly the shape of the operation's success schema
// (`<OperationId>Ok`, or the shared OkResponse), checked on the JSON text the mock would write (BigInt ids as digits).
import { expect } from 'vitest';
import { stringifyBody } from '../../src/emulator/json.js';
import { deref, okMedia } from '../../src/spec.js';
import { schemaProblems } from '@nimkit/test-kit/schema';
import { spec } from './mock.js';

const validators = new Map<string, (value: unknown) => string[]>();

function successSchema(operationId: string): any {
  const op = Object.values<any>(spec.paths).find((item) => item?.post?.operationId === operationId)?.post;
  if (!op) throw new Error(`no operation ${operationId} in the spec`);
  const schema = okMedia(op)!.schema;
  const branches: any[] = schema.oneOf ?? [schema];
  return deref(spec, branches.find((b) => !String(b.$ref ?? '').endsWith('/ErrorResponse')) ?? branches[0]);
}

/** Asserts that a handler's success body, as written on the wire, matches the operation's success schema. */
export function expectMatchesSchema(operationId: string, body: unknown): void {
  let validate = validators.get(operationId);
  if (!validate) {
    const schema = successSchema(operationId);
    validate = (value) => schemaProblems(schema, value, operationId);
    validators.set(operationId, validate);
  }
  const wire = JSON.parse(stringifyBody(body));
  expect(wire.code, `${operationId} answered ${JSON.stringify(wire)}`).toBe(200);
  expect(validate(wire)).toEqual([]);
}
