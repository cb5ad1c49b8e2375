// The three contract cases of every operation, through the generated facade against a real mock:
// required fields only, every field, and the paramError example (Prefer: example=paramError) as NimApiError 414.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, NimApiError, operationTable, type NimClient } from '@nimkit/client';
import { requestSchema, sampleRequest } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from './support/mock.js';
import { operations, spec } from './support/spec.js';

let mock: Mock;
let nim: NimClient;
let nimParamError: NimClient;

beforeAll(async () => {
  mock = await startTestMock();
  nim = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, retry: false });
  // Same client, but every request asks the mock for the named error example.
  nimParamError = createNimClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    baseUrl: mock.url,
    retry: false,
    headers: { Prefer: 'example=paramError' },
  });
});
afterAll(() => mock.close());

function facadeMethod(client: NimClient, group: string, action: string) {
  return (client as unknown as Record<string, Record<string, (body: unknown) => Promise<any>>>)[group]![action]!;
}

describe('coverage', () => {
  it('the facade and the spec have exactly the same operations', () => {
    expect(Object.keys(operationTable).sort()).toEqual(operations.map((o) => o.operationId).sort());
    for (const { group, action } of operations) expect(typeof facadeMethod(nim, group, action)).toBe('function');
  });
});

describe.each(operations)('$operationId', ({ group, action, op }) => {
  it('succeeds with only the required fields', async () => {
    const body = sampleRequest(spec, op);
    const result = await facadeMethod(nim, group, action)(body);
    expect(result.code).toBe(200);
  });

  it('succeeds with every field', async () => {
    const body = sampleRequest(spec, op, { full: true });
    // Every field the spec lists, the newer SDK-only ones included, is in the body.
    expect(Object.keys(body).sort()).toEqual(Object.keys(requestSchema(spec, op).properties).sort());
    const result = await facadeMethod(nim, group, action)(body);
    expect(result.code).toBe(200);
  });

  it('rejects with NimApiError 414 for the paramError example', async () => {
    const body = sampleRequest(spec, op);
    const error = await facadeMethod(nimParamError, group, action)(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NimApiError);
    expect((error as NimApiError).code).toBe(414);
    expect((error as NimApiError).operationId).toBe(op.operationId);
    expect((error as NimApiError).desc).toEqual(expect.any(String));
  });
});
