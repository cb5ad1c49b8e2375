// The sliced JSON parser that loads snapshots: the same values as JSON.parse, the position of bad JSON, and turns
// of the event loop while a large document is parsed.
import { afterAll, describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonSliced } from '../../src/emulator/json-stream.js';
import type { RunningMock } from '../../src/index.js';
import { control, createRoom } from '../support/emulator.js';
import { startTestMock } from '../support/mock.js';

const TRICKY = [
  '0', '-0', '1e400', '-1E-400', '123.456e+7', '9007199254740993', '0.1', '-12.5e-3',
  'true', 'false', 'null', ' \t\r\n 42 \n',
  '""', '"plain 中文 ✓"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u0000\\u001F\\u00e9\\u4E2D"',
  '"\\ud83d\\ude00 pair, \\ud800 lone high, \\udc00 lone low, \\uDBFF\\uDFFF last"', '"😀 raw pair"',
  '[]', '{}', '[ ]', '{ }', '[[[[[[[[[[]]]]]]]]]]', '[1,[2,[3,{"a":[{}]}]],"x"]',
  '{"a":1,"b":{"c":[true,false,null]},"":"empty key","a":"duplicate: the last wins"}',
  '{"2":"b","1":"a","x":0,"0":"z"}', '{"\\u0061\\n":"escaped key"}',
  '{"__proto__":{"polluted":true},"k":1}', '{"nested":{"__proto__":[1,2]}}', '[{"__proto__":null}]',
  '{"constructor":{"prototype":{"x":1}},"toString":"s","hasOwnProperty":1}',
];

/** The first difference between two parsed values (prototype, own keys in order, descriptors, Object.is), or ''. */
function difference(a: unknown, b: unknown, at = '$'): string {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? '' : `${at}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: another prototype`;
  const keys = Reflect.ownKeys(a);
  if (JSON.stringify(keys) !== JSON.stringify(Reflect.ownKeys(b))) return `${at}: keys ${String(keys)} vs ${String(Reflect.ownKeys(b))}`;
  for (const key of keys) {
    const [da, db] = [Object.getOwnPropertyDescriptor(a, key)!, Object.getOwnPropertyDescriptor(b, key)!];
    if (da.writable !== db.writable || da.enumerable !== db.enumerable || da.configurable !== db.configurable) return `${at}.${String(key)}: another descriptor`;
    const inner = difference(da.value, db.value, `${at}.${String(key)}`);
    if (inner) return inner;
  }
  return '';
}

async function same(text: string) {
  const parsed = await parseJsonSliced(text, { sliceMs: 0 });
  expect(difference(parsed, JSON.parse(text))).toBe('');
  return parsed as any;
}

const started: RunningMock[] = [];
afterAll(() => Promise.all(started.map((m) => m.close())));

describe('parseJsonSliced', () => {
  it.each(TRICKY)('parses %s as JSON.parse does', async (text) => {
    await same(text);
  });

  it('keeps "__proto__" as an own data property, as JSON.parse does, and never sets a prototype', async () => {
    const parsed = await same('{"__proto__":{"polluted":true},"k":1}');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'k']);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')).toEqual({ value: { polluted: true }, writable: true, enumerable: true, configurable: true });
    expect(({} as any).polluted).toBeUndefined();
  });

  it('parses a real snapshot of the mock as JSON.parse does', async () => {
    const mock = await startTestMock({ mode: 'stateful', auth: false });
    started.push(mock);
    for (let i = 0; i < 3; i++) await createRoom(mock, 'qa_alice', `room "${i}" 聊天室 \u2028`);
    const { text } = await control(mock, 'GET', '/_mock/state');
    const parsed = await same(text);
    expect(Object.keys(parsed.apps)).toHaveLength(1);
  });

  it('gives the event loop turns while a large document is parsed, and still returns what JSON.parse does', async () => {
    const text = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: `é"${i}`, n: i / 7, flags: [true, null] })) });
    let turns = 0;
    let parsing = true;
    const tick = () => {
      turns++;
      if (parsing) setImmediate(tick);
    };
    setImmediate(tick);
    const parsed = await parseJsonSliced(text, { sliceMs: 0 });
    parsing = false;
    expect(difference(parsed, JSON.parse(text))).toBe('');
    expect(turns).toBeGreaterThan(10);
  });

  it.each([
    ['', 0, 'a JSON value', 'the end of the text'],
    ['{', 1, "a property name in '\"' or '}'", 'the end of the text'],
    ['[1,]', 3, 'a JSON value', '"]"'],
    ['{"a" 1}', 5, "':' after a property name", '"1"'],
    ['{"a":1,}', 7, "a property name in '\"'", '"}"'],
    ['[1 2]', 3, "',' or ']'", '"2"'],
    ['{"a":1]', 6, "',' or '}'", '"]"'],
    ['01', 1, 'the end of the text after the JSON value', '"1"'],
    ['{"a":1}\n x', 9, 'the end of the text after the JSON value', '"x"'],
    ['"\\x"', 1, 'an escape', '"\\\\"'],
    ['"\\u12G4"', 1, 'an escape', '"\\\\"'],
    ['"a\nb"', 2, 'a string\'s closing \'"\'', '"\\n"'],
    ['"open', 5, 'a string\'s closing \'"\'', 'the end of the text'],
    ['tru', 0, 'a JSON value', '"t"'],
    ['-', 0, 'a JSON value', '"-"'],
    ['NaN', 0, 'a JSON value', '"N"'],
    ["{'a':1}", 1, "a property name in '\"' or '}'", '"\'"'],
  ])('rejects %j at position %i naming what was expected', async (text, position, expected, found) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const error = await parseJsonSliced(text).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as JsonSyntaxError).position).toBe(position);
    expect((error as Error).message).toContain(`expected ${expected}`);
    expect((error as Error).message).toContain(`at position ${position} (line `);
    expect((error as Error).message).toMatch(new RegExp(`found ${found.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`));
  });

  it('names the line and column of bad JSON', async () => {
    await expect(parseJsonSliced('{\n  "a": 1,\n  "b": ]\n}')).rejects.toThrow('expected a JSON value at position 19 (line 3, column 8), found "]"');
  });
});
