// Every way a caller might print a value, to check that none of them shows a secret.
import { inspect } from 'node:util';

export function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true, getters: true }), String(safeJson(value))];
  try {
    out.push(String(value));
  } catch {
    /* objects without a toString */
  }
  if (value instanceof Error) out.push(value.stack ?? '', value.message, inspect((value as { cause?: unknown }).cause, { depth: 10 }));
  return out;
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    return `unserializable: ${(error as Error).message}`;
  }
}

/** The secrets found in any rendering of `value` (empty when it is clean). */
export function leakedSecrets(value: unknown, secrets: readonly string[]): string[] {
  const text = renderings(value).join('\n');
  return secrets.filter((s) => s && text.includes(s));
}
