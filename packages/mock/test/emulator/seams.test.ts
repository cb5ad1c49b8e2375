// The framework's seams the models build on: context, request, refusals, exact JSON, the schema helper.
import { describe, expect, it } from 'vitest';
import { createAppContext, DEFAULT_ID_START } from '../../src/emulator/context.js';
import { parseJsonExact, stringifyBody } from '../../src/emulator/json.js';
import { handlers, initialState } from '../../src/emulator/models/index.js';
import { Refusal } from '../../src/emulator/refusal.js';
import { createEmuRequest } from '../../src/emulator/request.js';
import { expectMatchesSchema } from '../support/schema.js';

describe('AppContext', () => {
  it('hands out increasing ids from idStart, above 2^53 by default', () => {
    const ctx = createAppContext();
    const a = ctx.nextId();
    const b = ctx.nextId();
    expect(a).toBe(DEFAULT_ID_START);
    expect(a > 2n ** 53n).toBe(true);
    expect(b).toBe(a + 1n);
    expect(createAppContext({ idStart: 7 }).nextId()).toBe(7n);
  });

  it('continues from the record it is given, so a loaded snapshot never reuses an id', () => {
    const ctx = createAppContext({ idStart: 100 });
    ctx.nextId();
    ctx.nextId();
    const again = createAppContext({ idStart: 100, record: structuredClone(ctx.record) });
    expect(again.nextId()).toBe(102n);
  });

  it('freezes the clock with `clock`', () => {
    expect(createAppContext({ clock: 1_700_000_000_000 }).now()).toBe(1_700_000_000_000);
  });

  it('starts with every group of the registry', () => {
    expect(Object.keys(createAppContext().state).sort()).toEqual(Object.keys(initialState()).sort());
    expect(Object.keys(initialState())).toEqual(expect.arrayContaining(['chatroom', 'qchat']));
    for (const [operationId, handler] of Object.entries(handlers)) expect(typeof handler, operationId).toBe('function');
  });

  it('refuses with ctx.fail as { code, desc }', () => {
    const ctx = createAppContext();
    try {
      ctx.fail(404, 'room not exist');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Refusal);
      expect((error as Refusal).body).toEqual({ code: 404, desc: 'room not exist' });
    }
  });

  it('knows every accid without accounts, and only the listed ones with them', () => {
    expect(() => createAppContext().requireAccount('anyone', 'creator')).not.toThrow();
    const ctx = createAppContext({ accounts: ['qa_alice'] });
    expect(() => ctx.requireAccount('qa_alice', 'creator')).not.toThrow();
    expect(() => ctx.requireAccount('qa_bob', 'creator')).toThrow(/creator qa_bob/);
  });

  it('passes emitted events to onEvent and refuses a malformed one', () => {
    const seen: unknown[] = [];
    const ctx = createAppContext({ onEvent: (e) => seen.push(e) });
    ctx.emit({ eventType: '1', body: { x: 1 } });
    expect(seen).toEqual([{ eventType: '1', body: { x: 1 } }]);
    expect(() => ctx.emit({ body: {} } as never)).toThrow(TypeError);
    expect(() => createAppContext().emit({ eventType: '1', body: {} })).not.toThrow();
  });
});

describe('EmuRequest', () => {
  const req = createEmuRequest('chatroomGet', 'roomid=9007199254741993&roomid=1&needOnlineUserCount=true&limit=10&ids=[9007199254741993,2]&name=a%20b');

  it('reads the first value of a repeated field', () => {
    expect(req.operationId).toBe('chatroomGet');
    expect(req.string('roomid')).toBe('9007199254741993');
    expect(req.fields.get('name')).toBe('a b');
  });

  it('types fields: bigint exact, int, bool, json with exact big integers; undefined when absent', () => {
    expect(req.bigint('roomid')).toBe(9007199254741993n);
    expect(req.int('limit')).toBe(10);
    expect(req.bool('needOnlineUserCount')).toBe(true);
    expect(req.json('ids')).toEqual([9007199254741993n, 2]);
    for (const read of [req.string, req.int, req.bigint, req.bool, req.json]) expect(read('absent')).toBeUndefined();
  });
});

describe('exact JSON', () => {
  it('writes BigInt as bare digits and leaves look-alike strings alone', () => {
    expect(stringifyBody({ code: 200, roomid: 2n ** 63n - 1n, name: '9223372036854775807' })).toBe(
      '{"code":200,"roomid":9223372036854775807,"name":"9223372036854775807"}',
    );
  });

  it('reads big integers in JSON text as BigInt, and strings of digits as strings', () => {
    expect(parseJsonExact('{"a":12345678901234567890,"b":"12345678901234567890","c":[1.5,-2]}')).toEqual({
      a: 12345678901234567890n,
      b: '12345678901234567890',
      c: [1.5, -2],
    });
  });
});

describe('expectMatchesSchema', () => {
  it('accepts a success body with a BigInt id and rejects one missing a required field', () => {
    expectMatchesSchema('chatroomCreate', { code: 200, chatroom: { roomid: 2n ** 60n, name: 'QA room 1', creator: 'qa_alice' } });
    expect(() => expectMatchesSchema('chatroomCreate', { code: 200, chatroom: { name: 'x' } })).toThrow();
    expectMatchesSchema('qchatRemoveServer', { code: 200 });
  });
});
