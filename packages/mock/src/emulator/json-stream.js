// JSON.parse in slices: the same result, but the event loop gets a turn every few milliseconds, so loading a large
// snapshot through the control API delays other apps' requests by a moment only (the counterpart of snapshotChunks).
// An explicit stack instead of recursion, so a slice can stop anywhere and deep documents cannot overflow.

const SLICE_MS = 8;
const CHECK_EVERY = 512; // tokens between two looks at the clock

const WHITESPACE = /[ \t\n\r]*/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw U+0000..U+001F; this finds them.
const PLAIN_STRING = /"[^"\\\u0000-\u001f]*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** A syntax error naming where the text stops being JSON. */
export class JsonSyntaxError extends SyntaxError {
  /** @param {string} text @param {number} position @param {string} expected */
  constructor(text, position, expected) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const found = position >= text.length ? 'the end of the text' : JSON.stringify(text[position]);
    super(`expected ${expected} at position ${position} (line ${line}, column ${column}), found ${found}`);
    this.position = position;
  }
}

/**
 * @typedef {{ array: unknown[], object?: undefined } | { object: Record<string, unknown>, key: string, array?: undefined }} Frame
 */

/**
 * Parses `text` as JSON.parse does (no reviver), yielding to the event loop (setImmediate) every `sliceMs`.
 * Rejects with a JsonSyntaxError naming the position of bad JSON.
 * @param {string} text
 * @param {{ sliceMs?: number }} [options]
 * @returns {Promise<unknown>}
 */
export async function parseJsonSliced(text, { sliceMs = SLICE_MS } = {}) {
  /** @type {Frame[]} */
  const stack = [];
  let i = 0;
  let tokens = 0;
  let slice = performance.now();

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
  };
  /** @param {string} expected */
  const fail = (expected) => new JsonSyntaxError(text, i, expected);

  const readString = () => {
    PLAIN_STRING.lastIndex = i;
    if (PLAIN_STRING.test(text)) {
      const value = text.slice(i + 1, PLAIN_STRING.lastIndex - 1);
      i = PLAIN_STRING.lastIndex;
      return value;
    }
    // With escapes: find the closing quote checking each escape, then let JSON.parse decode the one string (it
    // decodes \uXXXX pairs and lone surrogates exactly as in a whole document).
    const start = i;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c) || c < 0x20) throw fail("a string's closing '\"'");
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) throw fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)');
        i = ESCAPE.lastIndex;
      } else i++;
    }
    i++;
    return /** @type {string} */ (JSON.parse(text.slice(start, i)));
  };

  /** A scalar at `i`, or a fresh container pushed on the stack (then returns `undefined` and parsing goes inside). */
  const readValue = () => {
    const c = text[i];
    if (c === '"') return readString();
    if (c === '{' || c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        return c === '{' ? {} : [];
      }
      if (c === '[') {
        stack.push({ array: [] });
        return undefined;
      }
      if (text[i] !== '"') throw fail("a property name in '\"' or '}'");
      stack.push({ object: {}, key: readKey() });
      return undefined;
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && NUMBER.test(text)) {
      const value = Number(text.slice(i, NUMBER.lastIndex));
      i = NUMBER.lastIndex;
      return value;
    }
    throw fail('a JSON value');
  };

  const readKey = () => {
    const key = readString();
    skipWhitespace();
    if (text[i] !== ':') throw fail("':' after a property name");
    i++;
    return key;
  };

  /** @param {Frame} frame @param {unknown} value */
  const put = (frame, value) => {
    if (frame.array) frame.array.push(value);
    // JSON.parse makes every key an own data property, "__proto__" included (an assignment would set the prototype).
    else if (frame.key === '__proto__') Object.defineProperty(frame.object, frame.key, { value, writable: true, enumerable: true, configurable: true });
    else frame.object[frame.key] = value;
  };

  /** @type {unknown} */
  let value;
  for (;;) {
    if (++tokens % CHECK_EVERY === 0 && performance.now() - slice > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    skipWhitespace();
    const depth = stack.length;
    value = readValue();
    if (stack.length > depth) continue; // went into a container: its first value comes next
    // A complete value: store it, then close every container that ends here.
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) break;
      put(frame, value);
      skipWhitespace();
      const c = text[i];
      if (c === ',') {
        i++;
        if (frame.object) {
          skipWhitespace();
          if (text[i] !== '"') throw fail("a property name in '\"'");
          frame.key = readKey();
        }
        break;
      }
      if (c !== (frame.array ? ']' : '}')) throw fail(frame.array ? "',' or ']'" : "',' or '}'");
      i++;
      stack.pop();
      value = frame.array ?? frame.object;
    }
    if (stack.length === 0) break;
  }
  skipWhitespace();
  if (i < text.length) throw fail('the end of the text after the JSON value');
  return value;
}

/** @type {[string, unknown][]} */
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
];
