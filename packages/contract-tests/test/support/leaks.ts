// Every way a caller or a log pipeline might render a value, and a search of them for secrets, whole or in part.
import { inspect } from 'node:util';

/** Pieces this long of a secret count as a leak too (a snippet cut in the middle of one still gives it away). */
export const LEAK_WINDOW = 12;

export function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: 10, showHidden: true, getters: true }),
    inspect(value, { depth: 10, showHidden: true, customInspect: false }),
    safeJson(value),
  ];
  try {
    out.push(String(value));
  } catch {
    /* an object without toString */
  }
  // The whole cause chain, each link rendered on its own (loggers walk `cause`).
  const seen = new Set<unknown>();
  for (let e: unknown = value; e instanceof Error && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    out.push(e.message, e.stack ?? '', String(e), safeJson(e), inspect((e as { cause?: unknown }).cause, { depth: 10, showHidden: true }));
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `unserializable: ${(error as Error).message}`;
  }
}

/** The secrets (whole, or a LEAK_WINDOW-character piece of one) found in any rendering of the values. */
export function leaks(values: readonly unknown[], secrets: readonly string[]): string[] {
  const text = values.flatMap(renderings).join('\n');
  const found: string[] = [];
  for (const secret of secrets) {
    if (text.includes(secret)) {
      found.push(secret);
      continue;
    }
    for (let i = 0; i + LEAK_WINDOW <= secret.length; i++) {
      if (text.includes(secret.slice(i, i + LEAK_WINDOW))) {
        found.push(`${secret.slice(i, i + LEAK_WINDOW)} (a piece of ${secret.slice(0, 6)}...)`);
        break;
      }
    }
  }
  return found;
}
