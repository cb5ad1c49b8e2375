// docs/adr/0042 end to end: for every operation, the client returns the same normalised value whichever encoding the
// mock serves (static examples and seeded dynamic bodies), and that value has the generated type's shape (objects as
// objects, ids as strings, other integers as numbers) at every field with two encodings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNimClient, operationTable, type NimClient } from '@nimkit/client';
import { sampleRequest } from '@nimkit/spec-lib';
import { APP_KEY, APP_SECRET, startTestMock, type Mock } from './support/mock.js';
import { operations, spec } from './support/spec.js';

type Encoding = 'docs' | 'sdk';
const mocks: Mock[] = [];
const clients = {} as Record<string, Record<Encoding, NimClient>>;

beforeAll(async () => {
  for (const [mode, options] of [['static', {}], ['dynamic', { dynamic: true, seed: 'encodings' }]] as const) {
    const mock = await startTestMock(options);
    mocks.push(mock);
    const client = (encoding: Encoding) =>
      createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: mock.url, retry: false, headers: { 'X-Nim-Mock-Encoding': encoding } });
    clients[mode] = { docs: client('docs'), sdk: client('sdk') };
  }
});
afterAll(() => Promise.all(mocks.map((m) => m.close())));

const call = (client: NimClient, operationId: string, body: unknown) => {
  const { group, action } = operationTable[operationId as keyof typeof operationTable];
  return (client as unknown as Record<string, Record<string, (b: unknown) => Promise<any>>>)[group]![action]!(body);
};

/** Every value present at `path` (keys, '*' for array items, '**' for map values). */
function at(value: unknown, path: readonly string[]): unknown[] {
  if (!path.length) return [value];
  if (value === null || typeof value !== 'object') return [];
  const [key, ...rest] = path as [string, ...string[]];
  const next = key === '*' ? (Array.isArray(value) ? value : []) : key === '**' ? Object.values(value) : [(value as Record<string, unknown>)[key]];
  return next.filter((v) => v !== undefined).flatMap((v) => at(v, rest));
}

describe.each(['static', 'dynamic'])('%s bodies', (mode) => {
  it.each(operations.map((o) => [o.operationId, o] as const))('%s: the same value in both encodings', async (operationId, o) => {
    const body = sampleRequest(spec, o.op, { full: false });
    const [docs, sdk] = await Promise.all([call(clients[mode]!.docs, operationId, body), call(clients[mode]!.sdk, operationId, body)]);
    expect(sdk).toEqual(docs);
    const meta = operationTable[operationId as keyof typeof operationTable];
    for (const path of meta.json) for (const v of at(sdk, path)) expect(typeof v, `${path.join('.')} is parsed`).toBe('object');
    for (const path of meta.ints) for (const v of at(sdk, path)) expect(typeof v, `${path.join('.')} is a number`).toBe('number');
    for (const path of meta.ids) for (const v of at(sdk, path)) expect(typeof v, `${path.join('.')} is an exact string`).toBe('string');
  });
});
