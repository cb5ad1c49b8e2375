// The mock refuses exactly what the spec refuses. Prism 5.14 leaves two gaps on form bodies: unknown fields pass
// despite additionalProperties: false, and the JSON inside a form field is never checked against its contentSchema.
// The cases are generated from the bundled spec: one test per gap on every operation that has such fields.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createInstance, getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createLogger } from '@stoplight/prism-core';
import { isRight } from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { FORM_TYPE, operations, postRaw, sampleBody, spec, startTestMock, toForm, VALIDATING_MODES, type Operation } from './support/mock.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const UNKNOWN_FIELD = 'nimMockUnknownField';

const closedOps = operations.filter((o) => o.request.additionalProperties === false);
const jsonFields = (o: Operation) => Object.entries(o.request.properties ?? {}).filter(([, s]) => s.contentSchema);
const jsonOps = operations.filter((o) => jsonFields(o).length > 0);

/**
 * A value for a JSON-in-form field that the field's own wire schema accepts (so Prism lets it through: the coarse
 * pattern, maxLength ...) but its contentSchema refuses - or that is not JSON at all when any JSON value would do.
 */
function breakingValue(schema: Record<string, any>): string {
  const { contentSchema, contentMediaType, ...wire } = schema;
  const passesWire = ajv.compile(wire);
  const passesContent = ajv.compile(contentSchema);
  const props = Object.keys(contentSchema.properties ?? {});
  const candidates = [
    '[{}]',
    '[null]',
    '["not-a-number"]',
    '[-1]',
    ...props.flatMap((p) => [`{"${p}":{"x":[1]}}`, `{"${p}":[]}`, `{"${p}":"x"}`]),
    '{"999":{"x":1}}',
    '{"x":{"y":1}}',
    '[oops]',
    '{oops}',
  ];
  for (const text of candidates) {
    if (!passesWire(text)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text; // not JSON, but shaped like the field's pattern
    }
    if (!passesContent(parsed)) return text;
  }
  throw new Error(`no breaking value found for ${JSON.stringify(schema).slice(0, 200)}`);
}

const mocks = {} as Record<(typeof VALIDATING_MODES)[number], RunningMock>;
beforeAll(async () => {
  for (const mode of VALIDATING_MODES) mocks[mode] = await startTestMock({ mode });
});
afterAll(() => Promise.all(Object.values(mocks).map((m) => m.close())));

describe('the generated cases cover the spec', () => {
  it('every operation has a closed body and the JSON-in-form operations are found', () => {
    expect(closedOps.length).toBe(operations.length);
    expect(jsonOps.length).toBeGreaterThan(0);
    expect(jsonOps.map((o) => o.operationId)).toContain('qchatGetServers');
  });
});

describe.each(VALIDATING_MODES.flatMap((mode) => closedOps.map((op) => ({ mode, ...op }))))('gap 1, unknown field ($mode mode): $operationId', ({ mode, ...op }) => {
  it(`refuses a field the spec does not declare, naming it`, async () => {
    const mock = mocks[mode];
    const base = sampleBody(op.path);
    // The same body without the field passes validation: examples mode answers it 200 (stateful mode answers from state).
    if (mode === 'examples') expect((await postRaw(mock, op.path, toForm(base))).json.code).toBe(200);
    const { status, json } = await postRaw(mock, op.path, toForm({ ...base, [UNKNOWN_FIELD]: '1' }));
    expect(status).toBe(200);
    expect(json).toEqual({ code: 414, desc: `param error: unknown parameter '${UNKNOWN_FIELD}'` });
  });
});

describe.each(VALIDATING_MODES.flatMap((mode) => jsonOps.map((op) => ({ mode, ...op }))))('gap 2, JSON inside a form field vs its contentSchema ($mode mode): $operationId', ({ mode, ...op }) => {
  it(`refuses JSON that breaks the contentSchema of ${jsonFields(op)
    .map(([n]) => n)
    .join(', ')}, naming the field`, async () => {
    const mock = mocks[mode];
    const base = sampleBody(op.path);
    for (const [name, schema] of jsonFields(op)) {
      const value = breakingValue(schema);
      const { status, json } = await postRaw(mock, op.path, toForm({ ...base, [name]: value }));
      expect(status, `${name}=${value}`).toBe(200);
      expect(json.code, `${name}=${value}`).toBe(414);
      expect(String(json.desc), `${name}=${value}`).toMatch(new RegExp(`^param error: ${name}\\b`));
      expect(String(json.desc)).not.toContain('must match pattern'); // the contentSchema check, not Prism's coarse pattern
    }
  });

  if (mode === 'examples') {
    it('accepts every field filled with valid JSON (no false refusals)', async () => {
      const { json } = await postRaw(mocks.examples, op.path, toForm(sampleBody(op.path, { full: true })));
      expect(json.code).toBe(200);
    });
  }
});

describe('why these checks exist', () => {
  it('Prism 5.14 alone accepts every body above (if this fails, Prism closed a gap and gaps.js can shrink)', async () => {
    const resources = await getHttpOperationsFromSpec(structuredClone(spec));
    const prism = createInstance(
      { mock: { dynamic: false }, checkSecurity: false, validateRequest: true, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false } as never,
      { logger: createLogger('bare-prism', { level: 'silent' }) },
    );
    const accepted = async (path: string, body: Record<string, unknown>) => {
      const text = toForm(body);
      const input = { method: 'post', url: { path, query: {} }, headers: { 'content-type': FORM_TYPE, 'content-length': String(Buffer.byteLength(text)) }, body: text };
      return isRight(await prism.request(input as never, resources, {} as never)());
    };
    for (const op of closedOps) expect(await accepted(op.path, { ...sampleBody(op.path), [UNKNOWN_FIELD]: '1' }), op.operationId).toBe(true);
    for (const op of jsonOps) {
      for (const [name, schema] of jsonFields(op)) {
        expect(await accepted(op.path, { ...sampleBody(op.path), [name]: breakingValue(schema) }), `${op.operationId}.${name}`).toBe(true);
      }
    }
  });
});
