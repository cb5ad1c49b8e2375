// Prints a JSON value as a TypeScript object literal the way a person writes one: unquoted keys where
// possible, single-quoted strings, and one line as long as it fits the code panel (about 60 characters).
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value printed as the code it holds (e.g. `crypto.randomUUID()`), not as a literal. */
export class TsCode {
  /** @param {string} source */
  constructor(source) {
    this.source = source;
  }
}
export const WIDTH = 60;

/**
 * `used`: characters already on the current line before the value (indent + code before it).
 * @param {unknown} value
 * @param {{ indent?: string, used?: number }} [options]
 * @returns {string}
 */
export function tsLiteral(value, { indent = '', used = indent.length } = {}) {
  const flat = oneLine(value);
  if (used + flat.length <= WIDTH || value === null || typeof value !== 'object' || value instanceof TsCode) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${tsLiteral(v, { indent: inner })},`).join('\n')}\n${indent}]`;
  const lines = Object.entries(value).map(([k, v]) => {
    const head = `${inner}${key(k)}: `;
    return `${head}${tsLiteral(v, { indent: inner, used: head.length })},`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function oneLine(value) {
  if (value instanceof TsCode) return value.source;
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${key(k)}: ${oneLine(v)}`).join(', ')} }` : '{}';
}

/**
 * @param {string} k
 */
function key(k) {
  return IDENTIFIER.test(k) ? k : quote(k);
}

/**
 * @param {string} s
 */
function quote(s) {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
