// Every example in the spec validates against its schema, including the JSON inside form fields and strings.
import { describe, expect, it } from 'vitest';
import { deref, requestSchema } from '@nimkit/spec-lib';
import { schemaProblems as check } from '@nimkit/test-kit/schema';
import { errorExampleNames, operations, spec } from './support/spec.js';

describe.each(operations)('$operationId', ({ op }) => {
  const media = op.responses['200'].content['application/json'];
  const responseSchema = deref(spec, media.schema);
  const examples = Object.entries<any>(media.examples ?? {});

  it('has an ok example and a paramError example', () => {
    expect(Object.keys(media.examples ?? {})).toEqual(expect.arrayContaining(['ok', 'paramError']));
  });

  it.each(examples)('response example %s validates', (_name, example) => {
    const value = deref(spec, example).value;
    expect(check(responseSchema, value, 'response')).toEqual([]);
  });

  it('error examples carry a documented error code and ok carries 200', () => {
    for (const [name, example] of examples) {
      const code = deref(spec, example).value.code;
      if (name === 'ok' || name.startsWith('ok')) expect(code).toBe(200);
      else expect(errorExampleNames[code], `${name} has code ${code}`).toBe(name);
    }
  });

  it('request schema is closed and every property example validates', () => {
    const request = requestSchema(spec, op);
    expect(request.type).toBe('object');
    expect(request.additionalProperties).toBe(false);
    for (const [name, prop] of Object.entries<any>(request.properties ?? {})) {
      for (const ex of prop.examples ?? []) expect(check(prop, ex, name)).toEqual([]);
      for (const ex of prop.contentSchema?.examples ?? []) expect(check(prop.contentSchema, ex, `${name}(json)`)).toEqual([]);
    }
  });
});

describe('spec-wide conventions', () => {
  it('has 102 operations (62 QChat, 40 chatroom) with unique ids, one tag each, a Chinese title and a vendor link', () => {
    expect(operations.filter((o) => o.group === 'qchat')).toHaveLength(62);
    expect(operations.filter((o) => o.group === 'chatroom')).toHaveLength(40);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
    for (const { operationId, op } of operations) {
      expect(op.tags, operationId).toHaveLength(1);
      expect(op['x-nim-title'], operationId).toMatch(/[\u4e00-\u9fff]/);
      expect(op.externalDocs?.url, operationId).toMatch(/^https:\/\//);
      expect(Object.keys(op.responses), operationId).toEqual(['200']);
    }
  });

  it('every tag is in exactly one x-tagGroup', () => {
    const grouped = spec['x-tagGroups'].flatMap((g: any) => g.tags);
    expect(grouped.sort()).toEqual(spec.tags.map((t: any) => t.name).sort());
  });
});
