// Lossless parsing of the vendor's JSON: ids are bare 64-bit numbers that JSON.parse would round above 2^53.
// Integer literals too big to be exact are quoted before JSON.parse (outside strings only), then every value the
// spec marks `nim-id` (ids) or `x-nim-int64` (64-bit counts) is turned into its exact decimal string. Any other
// integer above 2^53 (none is documented) also arrives as a string rather than a silently rounded number.

/** Where ids sit in a response body: keys, '*' for every array item, '**' for every value of a map. */
export type IdPath = readonly string[];

export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}

/** parseJsonLossless, and whether the text had a number literal with a fraction or an exponent (see findInexactId). */
export function parseJsonNumbers(text: string): { value: unknown; fractions: boolean } {
  sawFraction = false;
  const value = JSON.parse(quoteBigIntegers(text));
  return { value, fractions: sawFraction };
}

let sawFraction = false;

/**
 * Wraps in quotes every integer literal outside strings that is too big to be exact as a number (2^53 has 16
 * digits); returns `text` itself when there is none. One pass that jumps over strings with indexOf: faster than a
 * regex that has to skip strings, and than a /\d{16}/ pre-check followed by the pass.
 */
function quoteBigIntegers(text: string): string {
  let out = '';
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: jump to its closing quote (one not preceded by an odd number of backslashes).
      let end = text.indexOf('"', i + 1);
      while (end > 0) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return text; // unterminated: let JSON.parse report it
      i = end + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      if (next === 46 || next === 101 || next === 69) {
        // A fraction or an exponent: skip the rest of the number (findInexactId checks it is not at an id path).
        sawFraction = true;
        i++;
        while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      } else if (i - start - (c === 45 ? 1 : 0) >= 16 && !Number.isSafeInteger(Number(text.slice(start, i)))) {
        out += `${text.slice(copied, start)}"${text.slice(start, i)}"`;
        copied = i;
      }
    } else {
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isNumberChar = (c: number) => isDigit(c) || c === 43 || c === 45 || c === 46 || c === 69 || c === 101;

/** Converts the numbers at the given paths to decimal strings, in place; returns `value`. */
export function stringifyIds<T>(value: T, paths: readonly IdPath[]): T {
  for (let i = 0; i < paths.length; i++) visit(value, paths[i]!, 0, idToString);
  return value;
}

/** Where a success body's fields may arrive in either of two encodings (docs/adr/0042); see OperationMeta. */
export interface BodyShape {
  readonly ids: readonly IdPath[];
  readonly json: readonly IdPath[];
  readonly ints: readonly IdPath[];
}

/**
 * Turns a success body into its one documented shape, in place: JSON text where an object or array is documented is
 * parsed (ids kept exact), decimal strings where a number is documented become numbers, ids become strings.
 * Returns the path of the first field in neither documented form, or undefined when the whole body is normalised.
 */
export function normaliseBody(body: unknown, shape: BodyShape): string | undefined {
  let bad: string | undefined;
  const fail = (path: IdPath) => (bad ??= path.join('.'));
  for (const path of shape.json) visit(body, path, 0, (c, k) => parseText(c, k) || fail(path));
  for (const path of shape.ints) visit(body, path, 0, (c, k) => toNumber(c, k) || fail(path));
  stringifyIds(body, shape.ids);
  return bad;
}

type Convert = (container: Record<string | number, unknown>, key: string | number) => unknown;

function visit(node: unknown, path: IdPath, depth: number, convert: Convert): void {
  if (node === null || typeof node !== 'object') return;
  const key = path[depth]!;
  const last = depth === path.length - 1;
  const record = node as Record<string, unknown>;
  if (key === '*') {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) last ? convert(node as never, i) : visit(node[i], path, depth + 1, convert);
  } else if (key === '**') {
    for (const k in record) last ? convert(record, k) : visit(record[k], path, depth + 1, convert);
  } else if (last) {
    if (key in record) convert(record, key);
  } else {
    visit(record[key], path, depth + 1, convert);
  }
}

function idToString(record: Record<string | number, unknown>, key: string | number): void {
  const v = record[key];
  if (typeof v === 'number') record[key] = String(v);
}

/**
 * The first id path of `paths` holding a number literal with a fraction or an exponent (`1.5`, `1e3`, `1e400`), as a
 * field name like `servers[2].serverId`; undefined when there is none. Such a literal cannot be returned as an exact
 * decimal id. `text` must be valid JSON (it has been parsed); this walk runs only when a fraction was seen.
 */
export function findInexactId(text: string, paths: readonly IdPath[]): string | undefined {
  const stack: { array: boolean; key: string | number; expectKey: boolean }[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 123 || c === 91) stack.push({ array: c === 91, key: c === 91 ? 0 : '', expectKey: c === 123 });
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 && top) {
      if (top.array) (top.key as number)++;
      else top.expectKey = true;
    } else if (c === 34) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      if (top && !top.array && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 45 || isDigit(c)) {
      const start = i;
      while (i + 1 < n && isNumberChar(text.charCodeAt(i + 1))) i++;
      const literal = text.slice(start, i + 1);
      if (/[.eE]/.test(literal)) {
        const at = stack.map((f) => f.key);
        if (paths.some((p) => matches(p, at, stack))) return at.map((k, j) => (stack[j]!.array ? `[${k}]` : j ? `.${k}` : k)).join('');
      }
    }
  }
  return undefined;
}

function matches(path: IdPath, at: readonly (string | number)[], frames: readonly { array: boolean }[]): boolean {
  if (path.length !== at.length) return false;
  return path.every((k, j) => (k === '*' ? frames[j]!.array : k === '**' ? !frames[j]!.array : !frames[j]!.array && k === at[j]));
}

/** JSON text -> its object or array (false when the text is not one); a value already parsed is kept. */
function parseText(record: Record<string | number, unknown>, key: string | number): boolean {
  const v = record[key];
  if (typeof v !== 'string') return true;
  try {
    const parsed = parseJsonLossless(v);
    if (parsed === null || typeof parsed !== 'object') return false;
    record[key] = parsed;
    return true;
  } catch {
    return false;
  }
}

/** A decimal string -> its number (false for any other string). Above 2^53 it stays a string, as in parseJsonLossless. */
function toNumber(record: Record<string | number, unknown>, key: string | number): boolean {
  const v = record[key];
  if (typeof v !== 'string') return true;
  if (!/^-?[0-9]+$/.test(v)) return false;
  const n = Number(v);
  if (Number.isSafeInteger(n)) record[key] = n;
  return true;
}
