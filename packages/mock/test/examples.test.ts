// Static mode serves the named examples; `Prefer: example=<name>` selects any of them (error examples included);
// EXAMPLES.md lists every name per operation and must match what the spec generates.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { deref, okMedia } from '../src/spec.js';
import { operations, postRaw, sampleBody, sign, spec, startTestMock, toForm } from './support/mock.js';

const exampleValue = (path: string, name: string) => deref(spec, okMedia(spec.paths[path].post)!.examples[name]).value;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

describe.each(operations)('$operationId', (op) => {
  it('serves the ok example to a valid signed request', async () => {
    const { status, json } = await postRaw(mock, op.path, toForm(sampleBody(op.path)));
    expect(status).toBe(200);
    expect(json).toEqual(exampleValue(op.path, 'ok'));
  });

  it(`serves each named example on request: ${op.examples.map((e) => e.name).join(', ')}`, async () => {
    for (const { name } of op.examples) {
      const { status, json } = await postRaw(mock, op.path, toForm(sampleBody(op.path)), { ...sign(), Prefer: `example=${name}` });
      expect(status, name).toBe(200);
      expect(json, name).toEqual(exampleValue(op.path, name));
    }
  });
});

describe('Prefer', () => {
  it('a quoted example name is understood as well', async () => {
    const { json } = await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Prefer: 'example="rateLimited"' });
    expect(json).toEqual(exampleValue('/qchat/createServer.action', 'rateLimited'));
  });

  it('Prefer still selects a named example in dynamic mode', async () => {
    const dynamic = await startTestMock({ dynamic: true, seed: 'examples' });
    try {
      const { json } = await postRaw(dynamic, '/qchat/createServer.action', 'accid=zhangsan', { ...sign(), Prefer: 'example=noPermission' });
      expect(json).toEqual(exampleValue('/qchat/createServer.action', 'noPermission'));
    } finally {
      await dynamic.close();
    }
  });
});

describe('EXAMPLES.md', () => {
  const doc = readFileSync(new URL('../EXAMPLES.md', import.meta.url), 'utf8');

  it('lists every operation with every example name', () => {
    for (const op of operations) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${op.operationId}\` |`));
      expect(row, op.operationId).toBeDefined();
      for (const { name, code } of op.examples) expect(row).toContain(`\`${name}\` ${code}`);
    }
  });
});
