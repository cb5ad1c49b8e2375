// The `encoding` option, the --encoding flag and the X-Nim-Mock-Encoding header (docs/adr/0042): in static and
// dynamic mode every success body validates against the spec's response schema in both encodings, each field with two
// encodings has exactly the chosen encoding's form (JSON text checked inside too), and other bodies do not change.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODING_HEADER, ENCODINGS, type RunningMock } from '../src/index.js';
import { onlyEncoding } from '../src/encoding.js';
import { parseCli } from '../src/cli.js';
import { deref, okMedia } from '../src/spec.js';
import { operations, postRaw, sampleBody, sign, spec, startTestMock, toForm } from './support/mock.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('nim-id', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) && n >= 0 });

const okSchema = (path: string) => {
  const schema = okMedia(spec.paths[path].post)!.schema;
  return deref(spec, schema.oneOf.find((b: { $ref?: string }) => !String(b.$ref).endsWith('/ErrorResponse')));
};
const hasAlternative = (s: unknown): boolean =>
  !!s && typeof s === 'object' && (Object.hasOwn(s, 'x-nim-encoding') || Object.values(s).some(hasAlternative));
const withAlternatives = operations.filter((o) => hasAlternative(okSchema(o.path)));
const isJsonText = (s: any) => s?.type === 'string' && s.contentMediaType === 'application/json';

/** Problems of `value` against a schema holding one encoding only; JSON text is parsed and checked against its contentSchema. */
function problems(value: unknown, schema: any, where = '$'): string[] {
  if (value === undefined || value === null || !schema) return [];
  if (isJsonText(schema) && schema.contentSchema) {
    if (typeof value !== 'string') return [`${where} should be JSON text`];
    const parsed = JSON.parse(value);
    const validate = ajv.compile(schema.contentSchema);
    if (!validate(parsed)) return [`${where} (JSON text): ${ajv.errorsText(validate.errors)}`];
    return problems(parsed, schema.contentSchema, `${where}<text>`);
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => problems(v, schema.items, `${where}[${i}]`));
  if (typeof value === 'object' && schema.properties) {
    return Object.entries(value).flatMap(([k, v]) => problems(v, schema.properties[k], `${where}.${k}`));
  }
  return [];
}

function checkBody(path: string, body: unknown, encoding: string) {
  const whole = ajv.compile(okSchema(path));
  expect(whole(body), `${path}: ${ajv.errorsText(whole.errors)}`).toBe(true);
  const one = onlyEncoding(okSchema(path), encoding);
  const only = ajv.compile(one);
  expect(only(body), `${path} (${encoding} only): ${ajv.errorsText(only.errors)}`).toBe(true);
  expect(problems(body, one), path).toEqual([]);
}

const call = (mock: RunningMock, path: string, headers: Record<string, string> = {}) =>
  postRaw(mock, path, toForm(sampleBody(path)), { ...sign(), ...headers });

it('some operations have fields with two encodings, and the README names exactly those', () => {
  expect(withAlternatives.map((o) => o.operationId)).toContain('chatroomMembersByPage');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const [, count, list = ''] = /have two encodings \((\d+) chatroom operations: ([^)]*)\)/.exec(readme.replace(/\s+/g, ' ')) ?? [];
  const named = [...list.matchAll(/`(\w+)`/g)].map((m) => `chatroom${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)}`);
  expect(named.sort()).toEqual(withAlternatives.map((o) => o.operationId).sort());
  expect(Number(count)).toBe(named.length);
});

describe.each([
  ['static examples', {}],
  ['dynamic bodies', { dynamic: true, seed: 'encoding' }],
])('%s', (_, modeOptions) => {
  const mocks: Record<string, RunningMock> = {};
  beforeAll(async () => {
    for (const encoding of ENCODINGS) mocks[encoding] = await startTestMock({ ...modeOptions, encoding });
  });
  afterAll(() => Promise.all(Object.values(mocks).map((m) => m.close())));

  it.each(withAlternatives.map((o) => o.path))('%s: each encoding is valid and has its own form', async (path) => {
    for (const encoding of ENCODINGS) {
      const answer = await call(mocks[encoding]!, path);
      expect(answer.json.code).toBe(200);
      checkBody(path, answer.json, encoding);
    }
  });

  it('the header overrides the option, both ways', async () => {
    for (const o of withAlternatives) {
      for (const [mock, asked] of [[mocks['docs']!, 'sdk'], [mocks['sdk']!, 'docs']] as const) {
        checkBody(o.path, (await call(mock, o.path, { [ENCODING_HEADER]: asked })).json, asked);
      }
    }
  });

  it('an operation without such fields answers the same in both encodings', async () => {
    for (const o of operations.filter((op) => !withAlternatives.includes(op))) {
      const [docs, sdk] = await Promise.all([call(mocks['docs']!, o.path), call(mocks['sdk']!, o.path)]);
      expect(sdk.json, o.operationId).toEqual(docs.json);
    }
  });
});

describe('stateful mode', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    // Small ids, so the parsed JSON keeps them exact.
    mock = await startTestMock({ mode: 'stateful', idStart: 1000 });
  });
  afterAll(() => mock.close());
  const post = (path: string, fields: Record<string, unknown>, encoding: string) =>
    postRaw(mock, path, toForm(fields), { ...sign(), [ENCODING_HEADER]: encoding });

  it("the emulator's answers are served in each encoding too (the transform is the front's last step)", async () => {
    const created = await post('/chatroom/create.action', sampleBody('/chatroom/create.action'), 'docs');
    const roomid = String((created.json.chatroom as { roomid: number }).roomid);
    const paths = ['/chatroom/sendMsg.action', '/chatroom/batchSendMsg.action', '/chatroom/membersByPage.action'];
    for (const path of paths) {
      for (const encoding of ENCODINGS) {
        const answer = await post(path, { ...sampleBody(path), roomid }, encoding);
        expect(answer.json.code, `${path} ${encoding}: ${JSON.stringify(answer.json)}`).toBe(200);
        checkBody(path, answer.json, encoding);
      }
    }
  });

  it("batchSendMsg's success entries: `time` a decimal string in both forms, `highPriorityFlag` a number or its text", async () => {
    const created = await post('/chatroom/create.action', sampleBody('/chatroom/create.action'), 'docs');
    const roomid = String((created.json.chatroom as { roomid: number }).roomid);
    const path = '/chatroom/batchSendMsg.action';
    const entry = async (encoding: string) => {
      const answer = await post(path, { ...sampleBody(path), roomid, highPriority: true }, encoding);
      checkBody(path, answer.json, encoding);
      return Object.values((answer.json.success as Record<string, Record<string, unknown>>[])[0]!)[0]!;
    };
    expect(await entry('docs')).toMatchObject({ time: expect.stringMatching(/^[0-9]+$/), highPriorityFlag: 1 });
    expect(await entry('sdk')).toMatchObject({ time: expect.stringMatching(/^[0-9]+$/), highPriorityFlag: '1' });
  });
});

describe('misuse and errors', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTestMock({ encoding: 'sdk' });
  });
  afterAll(() => mock.close());
  const path = '/chatroom/membersByPage.action';

  it('an unknown header value is answered HTTP 400 naming the choices, never as the vendor would', async () => {
    const answer = await call(mock, path, { [ENCODING_HEADER]: 'xml' });
    expect(answer.status).toBe(400);
    expect(answer.json.desc).toContain('docs, sdk');
  });

  it('error answers keep the vendor form in every encoding', async () => {
    const answer = await postRaw(mock, path, 'roomid=1', sign());
    expect(answer.json).toMatchObject({ code: 414 });
    expect(typeof answer.json.desc).toBe('string');
  });

  it('the log line says when the SDK form was served', async () => {
    const lines: string[] = [];
    const logged = await startTestMock({ log: (line: string) => lines.push(line) });
    try {
      await call(logged, path, { [ENCODING_HEADER]: 'sdk' });
      await call(logged, path);
    } finally {
      await logged.close();
    }
    expect(lines[0]).toMatch(/chatroomMembersByPage 200 .*example=ok encoding=sdk$/);
    expect(lines[1]).not.toContain('encoding=');
  });

  it('health says which encoding is served', async () => {
    expect(await (await fetch(mock.url + '/health')).json()).toMatchObject({ encoding: 'sdk' });
  });

  it('the option and the flag refuse other values', async () => {
    await expect(startTestMock({ encoding: 'xml' as never })).rejects.toThrow(/encoding must be one of docs, sdk/);
    expect(parseCli(['--encoding', 'xml']).error).toMatch(/--encoding must be one of docs, sdk/);
    expect(parseCli(['--encoding', 'sdk']).options).toMatchObject({ encoding: 'sdk' });
    expect(parseCli([], { NIM_MOCK_ENCODING: 'sdk' }).options).toMatchObject({ encoding: 'sdk' });
  });
});
