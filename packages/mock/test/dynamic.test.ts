// --dynamic with --seed: repeatable (same seed, same bodies, across restarts), schema-valid against each operation's
// Ok schema, realistic (positive ids, enum codes, no stray properties, timestamps in this decade).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { deref, okMedia } from '../src/spec.js';
import { operations, postRaw, sampleBody, spec, startTestMock, toForm } from './support/mock.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('nim-id', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) && n > 0 });

/** The success branch of an operation's 200 response, as the spec defines it (not the mock's generation profile). */
function okSchema(path: string) {
  const schema = okMedia(spec.paths[path].post)!.schema;
  return deref(spec, (schema.oneOf ?? [schema]).find((b: { $ref?: string }) => !String(b.$ref).endsWith('/ErrorResponse')));
}
const validators = new Map(operations.map((o) => [o.path, ajv.compile(okSchema(o.path))]));

/** Problems that make a valid body unrealistic: properties the schema does not name, negative or 1970-ish numbers. */
function unrealistic(schema: any, value: unknown, where = '$'): string[] {
  if (!schema || typeof schema !== 'object' || value === null || value === undefined) return [];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (alternatives.length) {
    // Realistic under the branch it matches best (the one with the fewest problems).
    const { anyOf, oneOf, ...rest } = schema;
    return alternatives.map((alt: any) => unrealistic({ ...rest, ...alt }, value, where)).sort((a, b) => a.length - b.length)[0]!;
  }
  const out: string[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...unrealistic(schema.items, v, `${where}[${i}]`)));
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties?.[k]) out.push(...unrealistic(schema.properties[k], v, `${where}.${k}`));
      else if (schema.properties) out.push(`${where}.${k} is not in the schema`);
      else if (typeof schema.additionalProperties === 'object') out.push(...unrealistic(schema.additionalProperties, v, `${where}.${k}`));
    }
  } else if (typeof value === 'number') {
    const mayBeNegative = [...(schema.enum ?? []), schema.const, schema.minimum].some((x) => typeof x === 'number' && x < 0);
    if (value < 0 && !mayBeNegative) out.push(`${where} = ${value} is negative`);
    if (schema.format === 'nim-id' && !(value > 0)) out.push(`${where} = ${value} is not a positive id`);
    if (/milliseconds/i.test(schema.description ?? '') && value < 1e12) out.push(`${where} = ${value} is not a Unix-milliseconds time`);
  }
  return out;
}

async function allBodies(mock: RunningMock) {
  const bodies: Record<string, unknown> = {};
  for (const op of operations) bodies[op.operationId] = (await postRaw(mock, op.path, toForm(sampleBody(op.path)))).json;
  return bodies;
}

async function withMock<T>(options: Parameters<typeof startTestMock>[0], fn: (mock: RunningMock) => Promise<T>): Promise<T> {
  const mock = await startTestMock(options);
  try {
    return await fn(mock);
  } finally {
    await mock.close();
  }
}

describe('dynamic mode with a seed', () => {
  it('gives the same body for every operation after a restart, and different bodies for another seed', async () => {
    const first = await withMock({ dynamic: true, seed: 'qa-42' }, allBodies);
    const again = await withMock({ dynamic: true, seed: 'qa-42' }, allBodies);
    const other = await withMock({ dynamic: true, seed: 'qa-43' }, allBodies);
    expect(again).toEqual(first);
    const differing = operations.filter((o) => JSON.stringify(other[o.operationId]) !== JSON.stringify(first[o.operationId]));
    // A body with no or few free values ({"code":200}, one boolean) may look the same under another seed; most differ.
    const withValues = operations.filter((o) => JSON.stringify(first[o.operationId]) !== '{"code":200}');
    expect(differing.length).toBeGreaterThan(withValues.length / 2);
  });

  it('repeats the body for repeated requests within one run (the seed restarts per request)', async () => {
    await withMock({ dynamic: true, seed: 7 }, async (mock) => {
      const a = await postRaw(mock, '/qchat/getServers.action', toForm(sampleBody('/qchat/getServers.action')));
      const b = await postRaw(mock, '/qchat/getServers.action', toForm(sampleBody('/qchat/getServers.action')));
      expect(b.json).toEqual(a.json);
    });
  });

  it.each(['qa-42', 'another seed', '12345'])('seed %s: every body validates against its Ok schema and looks realistic', async (seed) => {
    const bodies = await withMock({ dynamic: true, seed }, allBodies);
    for (const op of operations) {
      const body = bodies[op.operationId];
      const validate = validators.get(op.path)!;
      expect(validate(body), `${op.operationId}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(unrealistic(okSchema(op.path), body), op.operationId).toEqual([]);
    }
  });
});

describe('dynamic mode without a seed', () => {
  it('varies between requests', async () => {
    await withMock({ dynamic: true }, async (mock) => {
      const path = '/qchat/getServers.action';
      const bodies = new Set<string>();
      for (let i = 0; i < 5; i++) bodies.add(JSON.stringify((await postRaw(mock, path, toForm(sampleBody(path)))).json));
      expect(bodies.size).toBeGreaterThan(1);
    });
  });

  it('a seeded mock in the same process does not make it repeat (json-schema-faker state is process-global)', async () => {
    await withMock({ dynamic: true, seed: 'fixed' }, async (seeded) => {
      await withMock({ dynamic: true }, async (unseeded) => {
        const path = '/qchat/createServer.action';
        const seen = new Set<string>();
        for (let i = 0; i < 4; i++) {
          await postRaw(seeded, path, 'accid=zhangsan');
          seen.add(JSON.stringify((await postRaw(unseeded, path, 'accid=zhangsan')).json));
        }
        expect(seen.size).toBeGreaterThan(1);
      });
    });
  });
});

