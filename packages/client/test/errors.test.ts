// The error classes: codes and meanings, helpers to test for a code, and the hints for signature failures.
import { describe, expect, it } from 'vitest';
import { errorCodes, isNimApiError, NimApiError, NimError, NimTimeoutError, NimTransportError, NimValidationError } from '../src/index.js';

const context = { operationId: 'qchatGetServers', requestId: 'r1', host: 'https://api.yunxinapi.com/nimserver' };

describe('NimApiError', () => {
  it('carries code, desc, operationId, requestId, host and the documented meaning', () => {
    const e = new NimApiError(404, 'server not exist', context);
    expect(e).toBeInstanceOf(NimError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('NimApiError');
    expect(e).toMatchObject({ code: 404, desc: 'server not exist', operationId: 'qchatGetServers', requestId: 'r1', host: context.host });
    expect(e.meaning).toEqual(errorCodes[404]);
    expect(e.message).toBe('qchatGetServers failed with code 404 (Object not found): server not exist');
  });

  it('tests for codes with is() and isNimApiError()', () => {
    const e = new NimApiError(416, 'freq', context);
    expect(e.is(416)).toBe(true);
    expect(e.is(414, 416)).toBe(true);
    expect(e.is(414)).toBe(false);
    expect(isNimApiError(e)).toBe(true);
    expect(isNimApiError(e, 416)).toBe(true);
    expect(isNimApiError(e, 404)).toBe(false);
    expect(isNimApiError(new Error('x'))).toBe(false);
    expect(isNimApiError(undefined, 416)).toBe(false);
  });

  it('a 414 about CurTime hints at clock skew', () => {
    const e = new NimApiError(414, 'CurTime is expired', context);
    expect(e.hint).toMatch(/clock/);
    expect(e.hint).toMatch(/clockOffsetMs/);
    expect(e.message).toContain(e.hint!);
  });

  it('a 414 about the CheckSum hints at a wrong secret or clock', () => {
    for (const desc of ['check checksum error', 'CheckSum is wrong', 'check sum failed']) {
      const e = new NimApiError(414, desc, context);
      expect(e.hint).toMatch(/appSecret/);
    }
  });

  it('an ordinary 414 has no hint; an unknown code has no meaning', () => {
    expect(new NimApiError(414, 'accid is empty', context).hint).toBeUndefined();
    expect(new NimApiError(99999, 'new code', context).meaning).toBeUndefined();
  });

  it('a 431 on a retried call says an earlier attempt probably arrived', () => {
    expect(new NimApiError(431, 'repeated', { ...context, attempts: 2 }).hint).toMatch(/earlier attempt/);
    expect(new NimApiError(431, 'repeated', { ...context, attempts: 1 }).hint).toBeUndefined();
  });
});

describe('the other errors', () => {
  it('NimTimeoutError is a NimTransportError with the timeout', () => {
    const e = new NimTimeoutError(5000, { ...context, attempts: 2 });
    expect(e).toBeInstanceOf(NimTransportError);
    expect(e).toMatchObject({ name: 'NimTimeoutError', timeoutMs: 5000, attempts: 2, status: undefined });
    expect(e.message).toContain('5000 ms');
  });

  it('NimValidationError lists the issues in its message', () => {
    const e = new NimValidationError([{ field: 'serverIds', rule: 'minItems', message: 'serverIds must NOT have fewer than 1 items (minItems)' }], context);
    expect(e.issues[0]!.field).toBe('serverIds');
    expect(e.message).toContain('nothing was sent');
    expect(e.message).toContain('(minItems)');
  });
});

describe('errorCodes', () => {
  it('gives an English and a Chinese meaning for every documented code', () => {
    const codes = Object.keys(errorCodes).map(Number);
    expect(codes).toEqual(expect.arrayContaining([403, 404, 414, 416, 417, 419, 431, 500, 503, 514, 13002, 13003]));
    for (const code of codes) {
      const { en, zh } = errorCodes[code as keyof typeof errorCodes];
      expect(en.length).toBeGreaterThan(3);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
