// 64-bit counts (`x-nim-int64`, docs/adr/0019): integers, in responses only, and the client's id table lists each
// of them, so every one comes back as an exact decimal string.
import { expect, it } from 'vitest';
import { operationTable, type OperationId } from '@nimkit/client';
import { idPaths, okSchema, requestSchema } from '@nimkit/spec-lib';
import { operations, spec } from './support/spec.js';

function marked(node: unknown, out: unknown[] = []): unknown[] {
  if (!node || typeof node !== 'object') return out;
  if ((node as Record<string, unknown>)['x-nim-int64'] === true) out.push(node);
  for (const value of Object.values(node)) marked(value, out);
  return out;
}

it('every x-nim-int64 is an integer of a response, never of a request', () => {
  const all = marked(spec.components.schemas) as Array<{ type: string }>;
  expect(all.length).toBeGreaterThanOrEqual(7);
  for (const node of all) expect(node.type).toBe('integer');
  for (const { operationId, op } of operations) expect(marked(requestSchema(spec, op)), operationId).toEqual([]);
});

it('the client turns each one into a string (its id table lists them)', () => {
  const counted = operations.filter(({ op }) => marked(okSchema(spec, op)).length);
  expect(counted.map((o) => o.operationId)).toContain('qchatCreateServer');
  for (const { operationId, op } of counted) {
    expect(operationTable[operationId as OperationId].ids, operationId).toEqual(expect.arrayContaining(idPaths(okSchema(spec, op))));
  }
});
