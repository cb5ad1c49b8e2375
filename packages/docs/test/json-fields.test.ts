// The English rendering of a JSON-inside-a-form-field schema: every limit of the JSON value is spelled out.
import { describe, expect, it } from 'vitest';
import { describeJsonValue, phrase } from '../src/json-fields.js';

describe('phrase', () => {
  it('names arrays with their item count and item limits', () => {
    const ids = { title: 'NimIdParam', type: 'string', pattern: '^[0-9]{1,19}$' };
    expect(phrase({ type: 'array', minItems: 1, maxItems: 200, items: ids })).toBe(
      'an array of 1 to 200 items, each item a string (NimIdParam), matching `^[0-9]{1,19}$`',
    );
    expect(phrase({ type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 32 } })).toBe(
      'an array of at most 100 items, each item a string, 1 to 32 characters',
    );
  });

  it('names maps by their keys and values', () => {
    expect(phrase({ type: 'object', propertyNames: { enum: ['2', '4'] }, additionalProperties: { type: 'integer', enum: [-1, 0, 1] } })).toBe(
      'an object, keys: a string, one of `"2"`, `"4"`, values: an integer, one of `-1`, `0`, `1`',
    );
    expect(phrase({ type: 'object', minProperties: 1, maxProperties: 200 })).toBe('an object with 1 to 200 keys, any keys');
  });

  it('names closed objects, defaults and alternatives', () => {
    expect(phrase({ type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } })).toBe('an object, only the keys listed below');
    expect(phrase({ type: 'boolean', default: true })).toBe('a boolean, default `true`');
    expect(phrase({ oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] })).toBe('a string or an integer, at least 0');
  });
});

describe('describeJsonValue', () => {
  it('lists the keys of an object value with their limits and marks required ones', () => {
    const text = describeJsonValue({}, {
      contentSchema: {
        type: 'object',
        required: ['type'],
        properties: { type: { type: 'integer', enum: [1, 2], description: 'Kind.' }, data: { type: 'string' } },
        examples: [{ type: 1, data: 'x' }],
      },
    });
    expect(text).toContain('**JSON value** (sent as text in this form field): an object.');
    expect(text).toContain('- `type` (an integer, one of `1`, `2`, required): Kind.');
    expect(text).toContain('- `data` (a string)');
    expect(text).toContain('Example: `{"type":1,"data":"x"}`');
  });
});
