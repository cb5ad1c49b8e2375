// Our own implementation of the decode rules recorded in fixtures/official-sdk/go (docs/adr/0043): what the official
// Go SDK reads from an answer, and as which JSON type. `go` mode is the SDK's strictness (a value of another JSON type
// is silently dropped, as Go's encoding/json does when the SDK ignores its errors); `either` mode reads both
// encodings (the Java SDK's leniency), to state what data the mock sent.

type Leaf = 'string' | 'int' | 'bool';
/** A rule for one JSON value; on a property, `merge` spreads the decoded object into its parent and `as` renames it. */
export type Rule =
  | Leaf
  | ({ merge?: boolean; as?: string } & (
      | { object: Record<string, Rule> }
      | { text: Rule }
      | { textOrValue: Rule }
      | { array: Rule }
      | { pairs: 'string' }
      | { entries: Rule; key: string; value?: string }
    ));
export type Mode = 'go' | 'either';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** In `either` mode a string where an object or array is expected is read as its JSON text. */
const container = (v: unknown, mode: Mode) => (mode === 'either' && typeof v === 'string' ? parse(v) : v);

export function decode(rule: Rule, value: unknown, mode: Mode): unknown {
  if (value === undefined || value === null) return undefined;
  if (rule === 'string') return typeof value === 'string' ? value : undefined;
  if (rule === 'bool') return typeof value === 'boolean' ? value : undefined;
  if (rule === 'int') {
    if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
    return mode === 'either' && typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : undefined;
  }
  if ('text' in rule) {
    if (typeof value === 'string') return decode(rule.text, parse(value), mode);
    return mode === 'either' ? decode(rule.text, value, mode) : undefined;
  }
  if ('textOrValue' in rule) return decode(rule.textOrValue, typeof value === 'string' ? parse(value) : value, mode);
  const v = container(value, mode);
  if ('array' in rule) return Array.isArray(v) ? v.map((item) => decode(rule.array, item, mode)) : undefined;
  if ('pairs' in rule) {
    if (!Array.isArray(v)) return undefined;
    return v.filter(isObject).map((entry) => {
      const [key, val] = Object.entries(entry)[0] ?? [];
      // The SDK asserts the value is a string: anything else is a panic, not a decoding error it could ignore.
      if (key !== undefined && typeof val !== 'string') throw new Error(`the Go SDK panics: queue value of ${key} is not a string`);
      return { key, value: val };
    });
  }
  if ('entries' in rule) {
    // Arrays of objects keyed by an id (batch sends; one entry each): every entry becomes an item, its key in
    // `rule.key`, its value decoded by `rule.entries`, as a field named `rule.value` when given, else spread beside
    // the key (the key wins).
    if (!Array.isArray(v)) return undefined;
    return v.filter(isObject).flatMap((entry) =>
      Object.entries(entry).map(([key, val]) => {
        if (rule.value === undefined) return { ...(decode(rule.entries, val, mode) as object), [rule.key]: key };
        // The SDK asserts a named value's type: anything else is a panic, not a decoding error it could ignore.
        if (rule.entries === 'string' && typeof val !== 'string') throw new Error(`the Go SDK panics: value of ${key} is not a string`);
        return { [rule.key]: key, [rule.value]: decode(rule.entries, val, mode) };
      }),
    );
  }
  if (!isObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(rule.object)) {
    const decoded = decode(sub, v[key], mode);
    const options: { merge?: boolean; as?: string } = typeof sub === 'string' ? {} : sub;
    if (options.merge) Object.assign(out, isObject(decoded) ? decoded : {});
    else out[options.as ?? key] = decoded;
  }
  return out;
}

/** Drops what Go's omitempty output leaves out (zero values, empty objects and arrays), so results compare as data. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    const empty =
      p === undefined || p === null || p === '' || p === 0 || p === false || (Array.isArray(p) && !p.length) || (isObject(p) && !Object.keys(p).length);
    if (!empty) out[k] = p;
  }
  return out;
}
