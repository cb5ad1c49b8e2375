// The vendor's form encoding.
import { describe, expect, it } from 'vitest';
import { encodeFormBody, FORM_CONTENT_TYPE } from '../src/form.js';

describe('encodeFormBody', () => {
  it('sends scalars as text and JSON-in-form values as JSON', () => {
    const body = encodeFormBody({ accid: 'zhang san', limit: 10, valid: false, serverIds: ['1', '9223372036854775807'], option: { push: false } });
    const params = new URLSearchParams(body);
    expect(params.get('accid')).toBe('zhang san');
    expect(params.get('limit')).toBe('10');
    expect(params.get('valid')).toBe('false');
    expect(params.get('serverIds')).toBe('["1","9223372036854775807"]');
    expect(params.get('option')).toBe('{"push":false}');
    expect(body).toBe('accid=zhang+san&limit=10&valid=false&serverIds=%5B%221%22%2C%229223372036854775807%22%5D&option=%7B%22push%22%3Afalse%7D');
  });

  it('leaves out undefined and null but keeps 0, false and the empty string', () => {
    expect(encodeFormBody({ a: undefined, b: null, c: 0, d: false, e: '' })).toBe('c=0&d=false&e=');
  });

  it('encodes Chinese text as UTF-8 percent escapes', () => {
    expect(encodeFormBody({ name: '圈组' })).toBe('name=%E5%9C%88%E7%BB%84');
  });

  it('sends nothing for an empty or missing body', () => {
    expect(encodeFormBody({})).toBe('');
    expect(encodeFormBody(undefined)).toBe('');
  });

  it('refuses a body that is not an object of fields', () => {
    expect(() => encodeFormBody('accid=x')).toThrow(TypeError);
    expect(() => encodeFormBody(['x'])).toThrow(TypeError);
  });

  it('names the content type with its charset, as the vendor documents', () => {
    expect(FORM_CONTENT_TYPE).toBe('application/x-www-form-urlencoded;charset=utf-8');
  });
});
