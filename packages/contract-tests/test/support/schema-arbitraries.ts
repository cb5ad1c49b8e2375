// fast-check arbitraries of valid values, derived from the spec's (dereferenced) request schemas: bodies in the shape
// callers pass to the client, JSON-in-form fields as JSON values generated from their contentSchema.
// Values are wire-realistic: free text mixes ASCII, CJK, emoji and whitespace (counted in code points, like
// maxLength); a field with a pattern takes its examples or strings generated from the pattern; integers stay exact.
import fc from 'fast-check';

export type Schema = Record<string, any>;
export type Body = Record<string, unknown>;

// Keywords the generators understand. Anything else in a request schema fails the suite loudly instead of
// producing values that silently ignore a rule.
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', 'contentMediaType']);
const UNDERSTOOD = new Set([
  'type', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'if', 'then',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'items', 'minItems', 'maxItems', 'properties', 'required', 'additionalProperties', 'propertyNames',
  'minProperties', 'maxProperties', 'contentSchema',
]);

export function checkKeywords(schema: Schema, where: string): void {
  for (const key of Object.keys(schema)) {
    if (!UNDERSTOOD.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) {
      throw new Error(`${where}: the fuzz generators do not understand the keyword '${key}'; teach test/support/schema-arbitraries.ts`);
    }
  }
}

/** One code point of realistic free text. */
export const textChar: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x1f600, max: 0x1f64f }) },
    { weight: 1, arbitrary: fc.constantFrom(0x0a, 0x0d, 0x09, 0xa0, 0x3000) },
  )
  .map((cp) => String.fromCodePoint(cp));

/** Length as JSON Schema counts it (code points). */
export const codePoints = (s: string): number => [...s].length;

/** A word that is neither a number nor a boolean on the wire. */
export const word: fc.Arbitrary<string> = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => w !== 'true' && w !== 'false');

export const text = (minLength: number, maxLength: number) => fc.string({ unit: textChar, minLength, maxLength });

export function typeOf(s: Schema): string {
  if (typeof s.type === 'string') return s.type;
  if (s.properties || s.additionalProperties || s.propertyNames) return 'object';
  if (s.items) return 'array';
  return 'string';
}

export const lowerBound = (s: Schema) =>
  s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER);
export const upperBound = (s: Schema) =>
  s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER);

/** Integers in [lo, hi], biased to small values but reaching the whole (exact) range. */
export function integerIn(lo: number, hi: number): fc.Arbitrary<number> {
  const wide = fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number);
  const smallLo = Math.max(lo, -1000);
  const smallHi = Math.min(hi, 1000);
  return smallLo <= smallHi ? fc.oneof(fc.integer({ min: smallLo, max: smallHi }), wide) : wide;
}

/** Valid values of a schema (a scalar, or the JSON value of a JSON-in-form field). */
export function validValue(s: Schema, where = 'schema'): fc.Arbitrary<unknown> {
  checkKeywords(s, where);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const alternatives: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const { anyOf, oneOf, examples, ...base } = s;
    return fc.oneof(...alternatives.map((branch, i) => validValue({ ...base, ...branch }, `${where}/${i}`)));
  }
  switch (typeOf(s)) {
    case 'string':
      return validString(s);
    case 'integer':
      return integerIn(lowerBound(s), upperBound(s));
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        ...(s.minimum !== undefined ? { min: s.minimum } : {}),
        ...(s.maximum !== undefined ? { max: s.maximum } : {}),
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return validArray(s, where);
    case 'object':
      return validObject(s, where);
    default:
      throw new Error(`${where}: the fuzz generators do not know type ${JSON.stringify(s.type)}`);
  }
}

export function validString(s: Schema): fc.Arbitrary<string> {
  const min: number = s.minLength ?? 0;
  const max: number | undefined = s.maxLength;
  const fits = (v: string) => codePoints(v) >= min && (max === undefined || codePoints(v) <= max);
  if (s.pattern) {
    const generated = fc.stringMatching(new RegExp(s.pattern, 'u')).filter(fits);
    const examples = (s.examples ?? []).filter((e: unknown) => typeof e === 'string' && fits(e));
    return examples.length ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
  }
  const usual = text(min, Math.max(min, Math.min(max ?? 40, 40)));
  // Now and then exactly at the limit: the boundary where counting code points matters.
  return max === undefined ? usual : fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: text(max, max) });
}

function validArray(s: Schema, where: string): fc.Arbitrary<unknown[]> {
  const items = validValue(s.items ?? {}, `${where}/items`);
  const min: number = s.minItems ?? 0;
  const max: number | undefined = s.maxItems;
  const usual = fc.array(items, { minLength: min, maxLength: Math.max(min, Math.min(max ?? 8, 8)) });
  return max === undefined ? usual : fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: fc.array(items, { minLength: max, maxLength: max }) });
}

function validObject(s: Schema, where: string): fc.Arbitrary<Body> {
  if (s.properties) {
    const model = Object.fromEntries(Object.entries(s.properties as Record<string, Schema>).map(([k, p]) => [k, validValue(p, `${where}/${k}`)]));
    return fc.record(model, { requiredKeys: s.required ?? [] }) as fc.Arbitrary<Body>;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const keys = validPropertyName(s, where);
    const enumSize = Array.isArray(s.propertyNames?.enum) ? s.propertyNames.enum.length : Infinity;
    const minKeys: number = s.minProperties ?? 0;
    const maxKeys = Math.max(minKeys, Math.min(s.maxProperties ?? 6, 6, enumSize));
    return fc.dictionary(keys, validValue(s.additionalProperties, `${where}/*`), { minKeys, maxKeys, noNullPrototype: true });
  }
  // A free-form JSON object (e.g. a push payload).
  return fc.dictionary(fc.string({ unit: textChar, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4, noNullPrototype: true });
}

export function validPropertyName(s: Schema, where: string): fc.Arbitrary<string> {
  return s.propertyNames ? (validValue({ type: 'string', ...s.propertyNames }, `${where}/propertyNames`) as fc.Arbitrary<string>) : text(0, 8);
}

/** A top-level form field: the JSON value of a JSON-in-form field (within the field's wire maxLength), else the scalar. */
export function validField(wire: Schema, where: string): fc.Arbitrary<unknown> {
  checkKeywords(wire, where);
  if (!wire.contentSchema) return validValue(wire, where);
  const value = validValue(wire.contentSchema, where);
  const max: number | undefined = wire.maxLength;
  return max === undefined ? value : value.filter((v) => codePoints(JSON.stringify(v)) <= max);
}

/** `if: {required, properties: {x: {enum}}}, then: {required}` rules of a body schema (qchatSendAttachMsg's toType). */
export interface Conditional {
  when: Record<string, unknown[]>;
  requires: string[];
}

export function conditionals(wire: Schema, where: string): Conditional[] {
  const rules: Conditional[] = [];
  for (const part of (wire.allOf ?? []) as Schema[]) {
    const { if: cond, then, ...rest } = part;
    if (!cond || !then || Object.keys(rest).length) throw new Error(`${where}: allOf entries other than if/then are not understood`);
    const when: Record<string, unknown[]> = {};
    for (const [key, p] of Object.entries((cond.properties ?? {}) as Record<string, Schema>)) {
      if (!Array.isArray(p.enum) || !(cond.required ?? []).includes(key)) throw new Error(`${where}: only 'if: {required, properties: {x: {enum}}}' is understood`);
      when[key] = p.enum;
    }
    rules.push({ when, requires: then.required ?? [] });
  }
  return rules;
}

const applies = (rule: Conditional, body: Body) => Object.entries(rule.when).every(([k, values]) => k in body && values.includes(body[k]));

/**
 * Valid bodies of an operation in the shape callers pass: required fields always, each optional one half the time,
 * fields an `if/then` rule requires added. `fixed` pins fields to given values (before the rules are applied).
 */
export function validBody(wire: Schema, where: string, fixed: Body = {}): fc.Arbitrary<Body> {
  const props = wire.properties as Record<string, Schema>;
  const required = new Set<string>(wire.required ?? []);
  const rules = conditionals(wire, where);
  const optional = Object.keys(props).filter((k) => !required.has(k));
  const values = fc.record(Object.fromEntries(Object.entries(props).map(([k, p]) => [k, validField(p, `${where}.${k}`)])));
  const include = fc.record(Object.fromEntries(optional.map((k) => [k, fc.boolean()])));
  return fc.tuple(values, include).map(([all, inc]) => {
    const body: Body = {};
    for (const k of Object.keys(props)) if (required.has(k) || inc[k] || k in fixed) body[k] = k in fixed ? fixed[k] : all[k];
    for (const rule of rules) if (applies(rule, body)) for (const k of rule.requires) if (!(k in body)) body[k] = all[k];
    return body;
  });
}
