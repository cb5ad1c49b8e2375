// Invalid bodies derived from the spec: each one is a valid body with ONE constraint of ONE field broken - a required
// field missing, a string too long or off its pattern, an integer outside its enum or range, a wrong type, too many
// items, an item or a key of a JSON-in-form value broken, malformed JSON in a JSON-in-form field, an unknown field.
// A string field gets no wrong-type mutation: on the wire every scalar is text, so "wrong type" only exists for
// integers, numbers, booleans and the values inside JSON-in-form fields.
import fc from 'fast-check';
import {
  checkKeywords,
  codePoints,
  conditionals,
  integerIn,
  lowerBound,
  text,
  typeOf,
  upperBound,
  validBody,
  validField,
  validPropertyName,
  validString,
  validValue,
  word,
  type Body,
  type Schema,
} from './schema-arbitraries.js';

export interface Mutation {
  /** The top-level form field that is broken (or missing, or unknown). */
  field: string;
  /** Where inside it, e.g. `serverIds[]` or `option.push`. */
  path: string;
  /** The broken rule (a JSON Schema keyword, or 'malformed JSON'). */
  rule: string;
  /** The keyword an independent validator of the caller's shape reports for it. */
  oracleRule: string;
  body: fc.Arbitrary<Body>;
}

interface InvalidValue {
  path: string;
  rule: string;
  value: fc.Arbitrary<unknown>;
}

/** Every mutation of an operation's request schema (wire shape, dereferenced). */
export function mutationsOf(wire: Schema, where: string): Mutation[] {
  const props = wire.properties as Record<string, Schema>;
  const out: Mutation[] = [];
  const base = validBody(wire, where);

  for (const field of wire.required ?? []) {
    out.push({ field, path: field, rule: 'required', oracleRule: 'required', body: base.map((b) => omit(b, field)) });
  }
  // A field that only an if/then rule requires: satisfy the `if`, leave the field out.
  for (const rule of conditionals(wire, where)) {
    const fixed = Object.fromEntries(Object.entries(rule.when).map(([k, values]) => [k, values[0]]));
    for (const field of rule.requires) {
      const when = Object.entries(fixed).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
      out.push({ field, path: `${field} (when ${when})`, rule: 'required', oracleRule: 'required', body: validBody(wire, where, fixed).map((b) => omit(b, field)) });
    }
  }
  // An unknown field (request bodies are closed: docs/adr/0005).
  const typo = `${Object.keys(props)[0]}X`;
  out.push({ field: typo, path: typo, rule: 'additionalProperties', oracleRule: 'additionalProperties', body: base.map((b) => ({ ...b, [typo]: '1' })) });

  for (const [field, w] of Object.entries(props)) {
    const set = (value: fc.Arbitrary<unknown>) => fc.tuple(base, value).map(([b, v]) => ({ ...b, [field]: v }));
    const value = w.contentSchema ?? w;
    for (const m of invalidValues(value, field, Boolean(w.contentSchema), `${where}.${field}`)) {
      out.push({ field, path: m.path, rule: m.rule, oracleRule: m.rule, body: set(m.value) });
    }
    if (w.contentSchema) {
      // Not JSON, yet still inside the coarse brackets pattern: only a JSON parser can tell.
      const malformed = fc
        .tuple(validField(w, field), fc.constantFrom('trailing comma', 'bare word'))
        .map(([v, how]) => {
          const json = JSON.stringify(v);
          return how === 'trailing comma' ? `${json.slice(0, -1)},${json.slice(-1)}` : `${json[0]}nim${json.slice(-1)}`;
        });
      out.push({ field, path: field, rule: 'malformed JSON', oracleRule: 'type', body: set(malformed) });
      if (w.maxLength !== undefined) out.push({ field, path: field, rule: 'maxLength', oracleRule: 'maxLength', body: set(tooLongJson(w, field)) });
    }
  }
  return out;
}

/** Values breaking one rule of `s` (recursing into items, properties and map values of JSON values). */
function invalidValues(s: Schema, path: string, inJson: boolean, where: string): InvalidValue[] {
  checkKeywords(s, where);
  const out: InvalidValue[] = [];
  const push = (rule: string, value: fc.Arbitrary<unknown>, at = path) => out.push({ path: at, rule, value });
  const type = typeOf(s);

  if (Array.isArray(s.enum)) {
    const outside: fc.Arbitrary<unknown> = type === 'integer' ? fc.integer({ min: -100, max: 1000 }) : word;
    push('enum', outside.filter((v) => !s.enum.includes(v)));
  }
  const alternatives: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (alternatives) {
    // Integers no branch accepts (the one use today: status codes 0-2 or >= 10000; ids as strings or integers >= 0).
    const accepted = (v: number) => alternatives.some((b) => acceptsInteger({ ...s, anyOf: undefined, oneOf: undefined, ...b }, v));
    push(s.anyOf ? 'anyOf' : 'oneOf', fc.integer({ min: -1000, max: 9999 }).filter((v) => !accepted(v)));
    // Without a type of its own, the branches say everything there is to break.
    if (s.type === undefined) return out;
  }

  switch (type) {
    case 'string': {
      if (s.enum) break;
      const min: number = s.minLength ?? 0;
      const max: number | undefined = s.maxLength;
      if (s.pattern) push('pattern', offPattern(s));
      if (max !== undefined) push('maxLength', tooLong(s));
      if (min > 0 && !s.pattern) push('minLength', text(0, min - 1));
      if (inJson) push('type', fc.integer({ min: 0, max: 9 }));
      break;
    }
    case 'integer':
    case 'number': {
      if (!s.enum && !alternatives) {
        if (s.minimum !== undefined) push('minimum', integerIn(Math.max(Number.MIN_SAFE_INTEGER, s.minimum - 1000), s.minimum - 1));
        if (s.maximum !== undefined) push('maximum', integerIn(s.maximum + 1, Math.min(Number.MAX_SAFE_INTEGER, s.maximum + 1000)));
      }
      // A fraction where an integer is due (between the bounds), or a word; inside JSON also a numeric string.
      const lo = Math.max(lowerBound(s), -1000);
      const hi = Math.min(upperBound(s), 1000);
      const fraction = fc.integer({ min: lo, max: Math.max(lo, hi - 1) }).map((n) => n + 0.5);
      const wrong = type === 'integer' ? fc.oneof(fraction, word) : word;
      push('type', inJson ? fc.oneof(wrong, fc.constant('1')) : wrong);
      break;
    }
    case 'boolean':
      push('type', fc.oneof(word, fc.constantFrom(0, 1), ...(inJson ? [fc.constant('true')] : [])));
      break;
    case 'array': {
      const min: number = s.minItems ?? 0;
      const max: number | undefined = s.maxItems;
      const item = validValue(s.items ?? {}, `${where}[]`);
      if (min > 0) push('minItems', fc.constant([]));
      if (max !== undefined) push('maxItems', fc.array(item, { minLength: max + 1, maxLength: max + 1 }));
      const someItems = fc.array(item, { minLength: Math.max(1, min), maxLength: Math.max(1, Math.min(max ?? 5, 5)) });
      for (const bad of invalidValues(s.items ?? {}, `${path}[]`, true, `${where}[]`)) {
        push(
          bad.rule,
          fc.tuple(someItems, bad.value, fc.nat()).map(([items, v, i]) => items.map((x, j) => (j === i % items.length ? v : x))),
          bad.path,
        );
      }
      push('type', fc.constant({}));
      break;
    }
    case 'object': {
      const valid = validValue(s, where) as fc.Arbitrary<Body>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of s.required ?? []) push('required', valid.map((o) => omit(o, key)), `${path}.${key}`);
      if (s.additionalProperties === false) push('additionalProperties', valid.map((o) => ({ ...o, nimUnknown: true })), `${path}.nimUnknown`);
      for (const [key, p] of Object.entries(props)) {
        for (const bad of invalidValues(p, `${path}.${key}`, true, `${where}.${key}`)) {
          push(bad.rule, fc.tuple(valid, bad.value).map(([o, v]) => ({ ...o, [key]: v })), bad.path);
        }
      }
      const map = s.additionalProperties && typeof s.additionalProperties === 'object' ? (s.additionalProperties as Schema) : undefined;
      if (map) {
        const key = validPropertyName(s, where);
        // One more entry is still within maxProperties: the generated maps have at most 6.
        for (const bad of invalidValues(map, `${path}.*`, true, `${where}.*`)) {
          push(bad.rule, fc.tuple(valid, key, bad.value).map(([o, k, v]) => ({ ...o, [k]: v })), bad.path);
        }
        if (s.propertyNames) {
          for (const bad of invalidValues({ type: 'string', ...s.propertyNames }, `${path} key`, false, `${where}/propertyNames`)) {
            const entry = fc.tuple(valid, bad.value as fc.Arbitrary<string>, validValue(map, where));
            push('propertyNames', entry.map(([o, k, v]) => ({ ...o, [k]: v })), `${bad.path} (${bad.rule})`);
          }
        }
        if ((s.minProperties ?? 0) > 0) push('minProperties', fc.constant({}));
        if (s.maxProperties !== undefined && !s.propertyNames?.enum) {
          const n = s.maxProperties + 1;
          // Short values, so the body stays a realistic size (the point is the number of entries).
          const short = typeOf(map) === 'string' ? { ...map, maxLength: Math.min(map.maxLength ?? 16, 16) } : map;
          push('maxProperties', fc.array(validValue(short, where), { minLength: n, maxLength: n }).map((vs) => Object.fromEntries(vs.map((v, i) => [`k${i}`, v]))));
        }
      }
      push('type', fc.constant([]));
      break;
    }
  }
  return out;
}

function acceptsInteger(s: Schema, v: number): boolean {
  if (Array.isArray(s.enum)) return s.enum.includes(v);
  if (s.type === 'string') return false;
  return v >= lowerBound(s) && v <= upperBound(s);
}

/** A valid string with one character swapped for one the pattern does not allow. */
function offPattern(s: Schema): fc.Arbitrary<string> {
  const re = new RegExp(s.pattern, 'u');
  return fc
    .tuple(validString(s), fc.nat(), fc.constantFrom('#', ' ', '!', '中'))
    .map(([v, i, c]) => (v.length ? [...v].map((x, j) => (j === i % codePoints(v) ? c : x)).join('') : c))
    .filter((v) => !re.test(v));
}

/** One to three code points over maxLength, still matching the pattern if there is one. */
function tooLong(s: Schema): fc.Arbitrary<string> {
  const max: number = s.maxLength;
  if (!s.pattern) return text(max + 1, max + 3);
  const re = new RegExp(s.pattern, 'u');
  return fc
    .tuple(validString({ ...s, minLength: Math.max(1, s.minLength ?? 0) }), fc.integer({ min: 1, max: 3 }))
    .map(([v, extra]) => [...v.repeat(Math.ceil((max + extra) / codePoints(v)))].slice(0, max + extra).join(''))
    .filter((v) => re.test(v));
}

/** A JSON value that its contentSchema accepts but whose encoding is longer than the form field's maxLength. */
function tooLongJson(wire: Schema, where: string): fc.Arbitrary<unknown> {
  const content = wire.contentSchema as Schema;
  if (typeOf(content) !== 'object' || content.additionalProperties === false || content.additionalProperties) {
    throw new Error(`${where}: a too-long value is only generated for open JSON objects`);
  }
  return validField({ ...wire, maxLength: undefined }, where).map((v) => ({ ...(v as Body), nimPad: 'x'.repeat(wire.maxLength) }));
}

function omit(body: Body, key: string): Body {
  const { [key]: _, ...rest } = body;
  return rest;
}
