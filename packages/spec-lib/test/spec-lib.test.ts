// The spec library on the bundled spec and on small hand-made documents.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deref, idPaths, listOperations, loadSpec, okSchema, operationsByPath, requestSchema, sampleRequest, sampleValue } from '../src/index.js';

const spec = loadSpec();
const operations = listOperations(spec);

describe('loadSpec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimkit-spec-lib-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads @nimkit/spec by default', () => {
    expect(spec.openapi).toBe('3.1.0');
  });

  it('says what is wrong with a missing file, YAML, or a document without paths', () => {
    expect(() => loadSpec(join(dir, 'missing.json'))).toThrow(/cannot read the spec/);
    writeFileSync(join(dir, 'spec.yaml'), 'openapi: 3.1.0\n');
    expect(() => loadSpec(join(dir, 'spec.yaml'))).toThrow(/is not JSON/);
    writeFileSync(join(dir, 'empty.json'), '{"openapi":"3.1.0"}');
    expect(() => loadSpec(join(dir, 'empty.json'))).toThrow(/no "paths"/);
  });
});

describe('deref', () => {
  it('inlines local refs; sibling keywords win over the target', () => {
    const doc = { components: { schemas: { Id: { type: 'string', description: 'an id' } } } };
    expect(deref(doc, { $ref: '#/components/schemas/Id', description: 'the server' })).toEqual({ type: 'string', description: 'the server' });
    expect(() => deref(doc, { $ref: '#/components/schemas/Nope' })).toThrow(/unresolvable \$ref/);
  });
});

describe('operations', () => {
  it('lists every POST operation once, with its group and action', () => {
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
    const create = operations.find((o) => o.operationId === 'qchatCreateServer');
    expect(create).toMatchObject({ path: '/qchat/createServer.action', group: 'qchat', action: 'createServer' });
    const topn = operations.find((o) => o.operationId === 'chatroomStatsTopn');
    expect(topn).toMatchObject({ group: 'chatroom', action: 'statsTopn' });
  });

  it('operationsByPath adds the request schema and the example names', () => {
    const byPath = operationsByPath(spec);
    expect([...byPath.keys()]).toEqual(operations.map((o) => o.path));
    const create = byPath.get('/qchat/createServer.action');
    expect(create?.request.required).toContain('accid');
    expect(create?.examples.map((e) => e.name)).toContain('paramError');
    expect(create?.examples.find((e) => e.name === 'ok')?.code).toBe(200);
  });

  it('finds the ids of a response', () => {
    const create = operations.find((o) => o.operationId === 'qchatCreateServer')!;
    expect(idPaths(okSchema(spec, create.op))).toContainEqual(['serverInfo', 'serverId']);
  });
});

describe('samples', () => {
  it('fills required fields only, or every field', () => {
    const { op } = operations.find((o) => o.operationId === 'qchatCreateServer')!;
    const schema = requestSchema(spec, op);
    const minimal = sampleRequest(spec, op);
    expect(Object.keys(minimal).sort()).toEqual([...schema.required].sort());
    expect(Object.keys(sampleRequest(spec, op, { full: true })).length).toBeGreaterThan(Object.keys(minimal).length);
  });

  it('prefers examples, then default, const, enum, then the type', () => {
    expect(sampleValue({ type: 'string', examples: ['x'], default: 'y' })).toBe('x');
    expect(sampleValue({ type: 'integer', default: 3, enum: [1] })).toBe(3);
    expect(sampleValue({ const: 200 })).toBe(200);
    expect(sampleValue({ type: 'integer', enum: [2, 1] })).toBe(2);
    expect(sampleValue({ type: 'string', minLength: 8, maxLength: 9 })).toBe('samplexx');
    expect(sampleValue({ type: 'integer', exclusiveMinimum: 0 })).toBe(1);
  });
});
