// Keeps secrets out of anything a caller may print: error messages, vendor descs, causes thrown by a custom fetch.
import { REDACTED } from './hooks.js';

/**
 * Replaces every occurrence of each secret (AppSecret, CheckSums of the call) in `text`, in any letter case: a
 * server may echo a CheckSum in upper-case hex, or an AppSecret upper- or lower-cased.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.replace(caseless(secret), REDACTED);
  return out;
}

function caseless(secret: string): RegExp {
  return new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

/**
 * The first `max` characters of `text`, secrets scrubbed. The whole text is scrubbed before the cut: cutting first
 * could leave the start of a secret straddling the cut, which no longer matches the whole secret (and scrubbing a
 * window shifts later text into it). Error path only, so the cost does not matter.
 */
export function snippet(text: string, max: number, secrets: readonly string[]): string {
  return scrub(text, secrets).slice(0, max);
}

/**
 * The cause to attach to an error: the original, unless its message, stack or own fields mention a secret, in
 * which case a plain Error with the same name, message and code, scrubbed.
 */
export function safeCause(cause: unknown, secrets: readonly string[]): unknown {
  const text = describeForScan(cause);
  if (!secrets.some((s) => s && caseless(s).test(text))) return cause;
  const source = cause as { name?: unknown; message?: unknown; code?: unknown };
  const copy = new Error(scrub(String(source?.message ?? cause), secrets));
  copy.name = typeof source?.name === 'string' ? source.name : 'Error';
  if (typeof source?.code === 'string' || typeof source?.code === 'number') (copy as { code?: unknown }).code = source.code;
  return copy;
}

function describeForScan(value: unknown): string {
  if (value instanceof Error) {
    let own = '';
    try {
      own = JSON.stringify(value);
    } catch {
      /* circular or bigint fields: the message and stack still get scanned */
    }
    const cause = (value as { cause?: unknown }).cause;
    return `${value.message}\n${value.stack ?? ''}\n${own}\n${cause !== undefined && cause !== value ? describeForScan(cause) : ''}`;
  }
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
