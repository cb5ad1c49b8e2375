// Every example in the spec validates against its schema, including the JSON inside form fields and strings.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { deref, requestSchema } from '../../../tools/lib/spec.mjs';
import { errorExampleNames, operations, spec } from './support/spec.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('nim-id', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });

/** Validates `value` against `schema` and, recursively, every string carrying JSON against its contentSchema. */
function check(schema: any, value: unknown, where: string): string[] {
  const validate = ajv.compile(schema);
  const problems = validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
  walk(schema, value, where, problems);
  return problems;
}

function walk(schema: any, value: any, where: string, problems: string[]): void {
  if (!schema || typeof schema !== 'object' || value === undefined || value === null) return;
  if (schema.contentSchema && typeof value === 'string') {
    let inner: unknown;
    try {
      inner = JSON.parse(value);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    problems.push(...check(schema.contentSchema, inner, `${where}(json)`));
    return;
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    // Only the branches the value actually matches are walked.
    for (const s of schema[k] ?? []) if (ajv.validate(s, value)) walk(s, value, where, problems);
  }
  if (schema.properties && typeof value === 'object') {
    for (const [name, s] of Object.entries<any>(schema.properties)) walk(s, value[name], `${where}.${name}`, problems);
  }
  if (schema.items && Array.isArray(value)) value.forEach((v, i) => walk(schema.items, v, `${where}[${i}]`, problems));
}

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
