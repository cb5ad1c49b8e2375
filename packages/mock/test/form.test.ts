// The form parser in front of Prism (docs/adr/0050): every byte sequence gets clean fields or one readable 414 desc,
// values are read the way a Java servlet + Long.parseLong would, and the first of repeated keys wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { decodeBody, ID_PATTERN, jsonDepth, parseForm } from '../src/form.js';
import { postRaw, spec, startTestMock } from './support/mock.js';
import { isVendorShaped, postBytes } from './support/raw-http.js';

const schema = {
  properties: {
    accid: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    timetag: { type: 'integer' },
    mute: { type: 'boolean' },
    ratio: { type: 'number' },
    serverId: { type: 'string', pattern: ID_PATTERN },
    serverIds: { type: 'string', contentMediaType: 'application/json' },
  },
};

describe('parseForm', () => {
  it.each([
    ['a broken percent escape in a name', 'accid=zhangsan&%E0%A4%A=1', /malformed percent-encoding in the form field "%E0%A4%A"/],
    ['a lone % in a value', 'accid=50%', /malformed percent-encoding/],
    ['an escape that is not UTF-8', 'accid=%FF%FE', /malformed percent-encoding/],
    ['an encoded NUL', 'accid=a%00b', /"accid" holds a control character/],
    ['a raw control character', 'accid=a\u0001b', /holds a control character/],
    ['DEL in a value', 'accid=a%7Fb', /holds a control character/],
    ['a control character in a name', 'acc%0Aid=a', /name "acc\\nid" holds a control character/],
    ['an empty name', '=value', /empty name/],
    ['more fields than a servlet container takes', Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&'), /more than 1000 form fields/],
  ])('refuses %s', (_, body, desc) => {
    expect(parseForm(body, schema).desc).toMatch(desc);
  });

  it.each(['0x10', '0b11', '1e2', '5.0', ' 5', '5 ', '', '+', '--1', '١٢', '9223372036854775808', '-9223372036854775809'])('refuses the integer %j', (v) => {
    expect(parseForm(`timetag=${encodeURIComponent(v)}`, schema).desc).toMatch(/^param error: timetag (must be integer|is out of range)/);
  });

  it.each([
    ['+5', '5'],
    ['-3', '-3'],
    ['007', '7'],
    ['9223372036854775807', '9223372036854775807'],
  ])('reads the integer %j as Long.parseLong does (%s)', (v, read) => {
    expect(parseForm(`timetag=${encodeURIComponent(v)}`, schema).fields?.['timetag']).toBe(read);
  });

  it.each(['9223372036854775808', '10000000000000000000', '18446744073709551615', '-1', '1.0', '0x1f', ''])('refuses the id %j', (v) => {
    expect(parseForm(`serverId=${v}`, schema).desc).toMatch(/serverId must be a decimal id from 0 to 9223372036854775807/);
  });

  it('accepts ids up to 2^63-1', () => {
    expect(parseForm('serverId=9223372036854775807', schema).fields?.['serverId']).toBe('9223372036854775807');
  });

  it.each(['TRUE', 'True', '1', 'yes', ''])('refuses the boolean %j', (v) => {
    expect(parseForm(`mute=${v}`, schema).desc).toMatch(/mute must be boolean \(true or false\)/);
  });

  it.each(['NaN', 'Infinity', '0x10', '1e999', ' 1'])('refuses the number %j', (v) => {
    expect(parseForm(`ratio=${encodeURIComponent(v)}`, schema).desc).toMatch(/ratio must be number/);
  });

  it('keeps the first value of a repeated key, as getParameter does, and reports the name', () => {
    const form = parseForm('accid=first&accid=second&limit=5&limit=abc', schema);
    expect(form.fields?.['accid']).toBe('first');
    expect(form.fields?.['limit']).toBe('5');
    expect(form.repeated).toEqual(['accid', 'limit']);
    expect(form.canonical).toBe('accid=first&limit=5');
  });

  it('refuses JSON nested deeper than 32 levels in a JSON-in-form field, whatever its strings hold', () => {
    expect(parseForm(`serverIds=${'['.repeat(33)}${']'.repeat(33)}`, schema).desc).toMatch(/serverIds nests JSON deeper than 32 levels/);
    expect(parseForm(`serverIds=${encodeURIComponent(JSON.stringify(['['.repeat(100)]))}`, schema).desc).toBeUndefined();
    expect(jsonDepth('[{"a":[1]}]')).toBe(3);
  });

  it('skips empty pairs, decodes + as a space, takes a name without = as an empty value', () => {
    expect(parseForm('accid=a+b&&mute=true&flag', schema)).toMatchObject({ fields: { accid: 'a b', mute: 'true', flag: '' } });
  });

  it('decodeBody refuses bytes that are not UTF-8 and keeps those that are', () => {
    expect(decodeBody(Buffer.from([0x61, 0xff, 0x62]))).toBeNull();
    expect(parseForm(null, schema).desc).toBe('param error: the body is not valid UTF-8');
    expect(decodeBody(Buffer.from('accid=张三', 'utf8'))).toBe('accid=张三');
  });

  it("is the same id rule as the spec's NimIdParam pattern", () => {
    const patterns = new Set<string>();
    JSON.stringify(spec, (key, value) => {
      if (key === 'pattern' && typeof value === 'string' && value.includes('9223372036854775807')) patterns.add(value);
      return value;
    });
    expect([...patterns]).toEqual([ID_PATTERN]);
  });
});

describe('through HTTP: HTTP 200, code 414 and a readable desc for every malformed body', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTestMock();
  });
  afterAll(() => mock.close());

  it.each([
    ['a broken percent escape (was HTTP 500 "URI malformed")', 'accid=zhangsan&%E0%A4%A=1', /malformed percent-encoding/],
    ['a raw NUL byte', 'accid=zhang\u0000san', /control character/],
    ['an encoded NUL', 'accid=zhang%00san', /control character/],
    ['a hexadecimal integer', 'accid=zhangsan&inviteMode=0x1', /inviteMode must be integer/],
    ['an exponent integer', 'accid=zhangsan&timetag=1e2&limit=10', /timetag must be integer/],
    ['an integer with a space', 'accid=zhangsan&timetag=%205&limit=10', /timetag must be integer/],
    ['an id above 2^63-1', 'accid=zhangsan&serverId=9223372036854775808', /serverId must be a decimal id/],
    ['a 20-digit id', 'accid=zhangsan&serverId=12345678901234567890', /serverId must be a decimal id/],
    ['an id above 2^63-1 inside a JSON-in-form field', `serverIds=${encodeURIComponent('["9223372036854775808"]')}`, /serverIds\[0\] must be a decimal id/],
    ['deep JSON in a JSON-in-form field', `serverIds=${'%5B'.repeat(5000)}${'%5D'.repeat(5000)}`, /nests JSON deeper than 32 levels/],
  ])('%s', async (_, body, desc) => {
    const path = /serverIds/.test(body) ? '/qchat/getServers.action' : /serverId=/.test(body) ? '/qchat/removeServer.action' : /timetag/.test(body) ? '/qchat/getServerListPage.action' : '/qchat/createServer.action';
    const { status, json } = await postRaw(mock, path, body);
    expect(status).toBe(200);
    expect(json.code).toBe(414);
    expect(json.desc).toMatch(desc);
  });

  it('bytes that are not UTF-8', async () => {
    const { status, text } = await postBytes(mock, '/qchat/createServer.action', new Uint8Array([0x61, 0x63, 0x63, 0x69, 0x64, 0x3d, 0xc3, 0x28]));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ code: 414, desc: 'param error: the body is not valid UTF-8' });
  });

  it('a repeated key: the first value wins (a valid first value succeeds, an invalid first value is refused)', async () => {
    expect((await postRaw(mock, '/qchat/createServer.action', 'accid=zhangsan&accid=bad%20id')).json.code).toBe(200);
    const refused = await postRaw(mock, '/qchat/createServer.action', 'accid=bad%20id&accid=zhangsan');
    expect(refused.json.code).toBe(414);
    expect(refused.json.desc).toMatch(/accid must match pattern/);
  });

  it('the log line names the repeated keys whose first value was used', async () => {
    const lines: string[] = [];
    const logged = await startTestMock({ log: (line) => lines.push(line) });
    try {
      await postRaw(logged, '/qchat/createServer.action', 'accid=zhangsan&name=a&accid=lisi&name=b');
      expect(lines.at(-1)).toMatch(/qchatCreateServer 200 .*\(first value of repeated accid, name used\)$/);
    } finally {
      await logged.close();
    }
  });

  it('a huge field and a flood of fields', async () => {
    const huge = await postRaw(mock, '/qchat/createServer.action', `accid=zhangsan&name=${'n'.repeat(2 * 1024 * 1024)}`);
    expect(huge.json).toEqual({ code: 414, desc: 'param error: body larger than 1048576 bytes' });
    const many = await postBytes(mock, '/qchat/createServer.action', Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join('&'));
    expect(isVendorShaped(many.text)).toBe(true);
    expect(JSON.parse(many.text).desc).toMatch(/more than 1000 form fields/);
  });
});
