// Lossless ids: every nim-id in a response comes out as its exact decimal string, up to 2^63-1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless, stringifyIds } from '../src/json.js';
import { operationTable } from '../src/generated/operations.js';

const MAX = '9223372036854775807'; // 2^63-1

describe('parseJsonLossless', () => {
  it('keeps integers above 2^53 exact (as strings) where JSON.parse would round them', () => {
    const text = `{"a":${MAX},"b":9007199254740993,"c":-9007199254740993,"d":1}`;
    expect(JSON.parse(text).b).toBe(9007199254740992); // what plain JSON.parse does
    expect(parseJsonLossless(text)).toEqual({ a: MAX, b: '9007199254740993', c: '-9007199254740993', d: 1 });
  });

  it('leaves safe integers, fractions, exponents and digits inside strings alone', () => {
    const text = '{"safe":9007199254740991,"f":12345678901234567.5,"e":12345678901234567e2,"s":"id 12345678901234567890","q":"a\\"12345678901234567890"}';
    expect(parseJsonLossless(text)).toEqual({
      safe: 9007199254740991,
      f: 12345678901234567.5,
      e: 12345678901234567e2,
      s: 'id 12345678901234567890',
      q: 'a"12345678901234567890',
    });
  });

  it('leaves long fraction and exponent digits alone', () => {
    const text = '{"a":0.12345678901234567890,"b":1e-1234567890123456789,"c":[1.5,12345678901234567890]}';
    expect(parseJsonLossless(text)).toEqual({ a: 0.12345678901234567890, b: 0, c: [1.5, '12345678901234567890'] });
  });

  it('agrees with JSON.parse on random documents, except that unsafe integers come back as exact strings', () => {
    // Values: JSON scalars, strings full of digits, quotes and backslashes, and 64-bit integers written bare. A
    // double that prints as a long integer literal (e.g. -9007199254740992) also comes back as its exact text.
    const big = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    const tricky = fc.stringMatching(/^[0-9"\\:,[\]{} e.-]{0,40}$/);
    const leaf = fc.oneof(big, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string(), tricky);
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5 })),
    })).value;
    const write = (v: unknown): string =>
      typeof v === 'bigint' ? String(v) : Array.isArray(v) ? `[${v.map(write).join(',')}]` : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(',')}}` : JSON.stringify(v);
    const expected = (v: unknown): unknown =>
      typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : String(v)) : Array.isArray(v) ? v.map(expected) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expected(x)])) : typeof v === 'number' && /^-?\d{16,}$/.test(JSON.stringify(v)) && !Number.isSafeInteger(v) ? JSON.stringify(v) : JSON.parse(JSON.stringify(v));
    fc.assert(
      fc.property(doc, (value) => {
        expect(parseJsonLossless(write(value))).toEqual(expected(value));
      }),
      { seed: 7, numRuns: 1_000 },
    );
  });

  it('throws on text that is not JSON', () => {
    expect(() => parseJsonLossless('<html>')).toThrow(SyntaxError);
  });
});

describe('stringifyIds', () => {
  it('converts ids at keys, array items (*) and map values (**), and leaves other numbers as numbers', () => {
    const body = parseJsonLossless(
      `{"code":200,"serverInfo":{"serverId":${MAX},"createTime":1700000000000},"list":[{"id":1},{"id":2}],"plain":[3,4],"map":{"a":5,"b":{"id":6}}}`,
    );
    stringifyIds(body, [['serverInfo', 'serverId'], ['list', '*', 'id'], ['plain', '*'], ['map', '**']]);
    expect(body).toEqual({
      code: 200,
      serverInfo: { serverId: MAX, createTime: 1700000000000 },
      list: [{ id: '1' }, { id: '2' }],
      plain: ['3', '4'],
      map: { a: '5', b: { id: 6 } },
    });
  });

  it('ignores paths that are absent or of another shape', () => {
    const body = { serverInfo: null, list: { id: 1 }, other: 'x' };
    expect(() => stringifyIds(body, [['serverInfo', 'serverId'], ['list', '*', 'id'], ['missing', 'id']])).not.toThrow();
    expect(body).toEqual({ serverInfo: null, list: { id: 1 }, other: 'x' });
  });

  it('the generated table knows where the ids (and 64-bit counts) of each response sit', () => {
    expect(operationTable.qchatGetServers.ids).toEqual([
      ['serverInfos', '*', 'serverId'],
      ['serverInfos', '*', 'memberNumber'],
      ['serverInfos', '*', 'channelNumber'],
    ]);
    expect(operationTable.chatroomGetBatch.ids).toContainEqual(['noExistRooms', '*']);
    expect(operationTable.chatroomStatsTopn.path).toBe('/stats/chatroom/topn.action');
    expect(operationTable.qchatCreateServer).toEqual({ path: '/qchat/createServer.action', group: 'qchat', action: 'createServer', ids: [['serverInfo', 'serverId'], ['serverInfo', 'memberNumber'], ['serverInfo', 'channelNumber']], json: [], ints: [] });
  });
});
