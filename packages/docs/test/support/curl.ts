// Reads a generated curl sample the way a POSIX shell and curl would: words, quotes, $VARIABLES, and the
// body curl builds from --data-urlencode / --data arguments.

export interface CurlRequest {
  url: string;
  headers: Record<string, string>;
  /** The exact body curl sends. */
  body: string;
}

/** Splits shell text into words (single quotes literal, double quotes expand $NAME, backslash-newline joins). */
export function shellWords(text: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = (s: string) => (word = (word ?? '') + s);
  const variable = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) throw new Error(`unsupported $ at ${i}: ${text.slice(i, i + 20)}`);
    if (!(m[0] in env)) throw new Error(`variable $${m[0]} is not set`);
    i += m[0].length;
    return env[m[0]]!;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') i += 2;
    else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      push(text.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      i++;
      let s = '';
      while (text[i] !== '"') {
        if (i >= text.length) throw new Error('unterminated double quote');
        if (text[i] === '\\' && '$`"\\'.includes(text[i + 1]!)) (s += text[i + 1]), (i += 2);
        else if (text[i] === '$') i++, (s += variable());
        else s += text[i++];
      }
      push(s);
      i++;
    } else if (c === '$') {
      i++;
      push(variable());
    } else if (c === '\\') {
      push(text[i + 1] ?? '');
      i += 2;
    } else if ('|&;<>()`*?[#~'.includes(c)) {
      throw new Error(`unexpected shell metacharacter ${c} at ${i}`);
    } else {
      push(c);
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** curl's own URL-encoding of --data-urlencode content: every byte except A-Z a-z 0-9 - . _ ~ as %XX. */
export function curlEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `NAME=value` / `NAME='value'` lines (no command substitution) before the curl command, as the shell sets them. */
export function literalAssignments(lines: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of lines.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=('[^']*'|[^\s'"$`();|&]+)\s*$/gm)) {
    out[m[1]!] = m[2]!.startsWith("'") ? m[2]!.slice(1, -1) : m[2]!;
  }
  return out;
}

/** The request a generated sample sends: the `curl ...` command (after the signing lines) read like curl does. */
export function parseCurlSample(sample: string, env: Record<string, string>): CurlRequest {
  const start = sample.search(/^curl /m);
  if (start < 0) throw new Error('no curl command in the sample');
  const [command, ...args] = shellWords(sample.slice(start), { ...literalAssignments(sample.slice(0, start)), ...env });
  if (command !== 'curl') throw new Error(`expected curl, got ${command}`);
  const headers: Record<string, string> = {};
  const parts: string[] = [];
  let url: string | undefined;
  let sawData = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '-H') {
      const header = value();
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (arg === '--data-urlencode') {
      const data = value();
      const eq = data.indexOf('=');
      if (eq <= 0) throw new Error(`--data-urlencode ${data}: expected name=content`);
      parts.push(`${data.slice(0, eq)}=${curlEscape(data.slice(eq + 1))}`);
      sawData = true;
    } else if (arg === '--data') {
      const data = value();
      if (data) parts.push(data);
      sawData = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`unexpected curl option ${arg}`);
    } else if (url === undefined) {
      url = arg;
    } else {
      throw new Error(`a second URL: ${arg}`);
    }
  }
  if (!url) throw new Error('the curl command has no URL');
  if (!sawData) throw new Error('the curl command sends no body (it would be a GET)');
  return { url, headers, body: parts.join('&') };
}
