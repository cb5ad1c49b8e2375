// The codes the emulator answers where the vendor's pages are silent: the tables are kept in the emulator's ADRs and
// copied onto the page at build time, so the two cannot drift apart.
import { readFileSync } from 'node:fs';

const ADR_DIR = new URL('../../../docs/adr/', import.meta.url);

/** @type {ReadonlyArray<readonly [file: string, heading: string, scope: string]>} the ADR, the heading whose first table is copied, what the rows are about */
export const REFUSAL_TABLES = [
  ['0026-emulator-refusal-codes.md', '## Decision', 'Every operation'],
  ['0028-emulator-chatroom-model.md', '### Refusal codes where the vendor is silent', 'Chatroom (聊天室)'],
  ['0029-emulator-qchat-model.md', '### Refusal codes where the vendor is silent', 'QChat (圈组)'],
];

/**
 * The first Markdown table after `heading` in `text`.
 * @param {string} text
 * @param {string} heading
 */
export function firstTableAfter(text, heading) {
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`no "${heading}" heading`);
  const lines = text.slice(at).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start < 0) throw new Error(`no table after "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  // Rows that only point to another table carry no code of their own.
  return lines.slice(start, end < 0 ? undefined : end).filter((l) => !/\| see 0\d{3}/.test(l)).join('\n');
}

/** The page's section: one table per scope, each naming the ADR it comes from. */
export function emulatorRefusalsSection() {
  return REFUSAL_TABLES.map(([file, heading, scope]) => {
    const table = firstTableAfter(readFileSync(new URL(file, ADR_DIR), 'utf8'), heading);
    return `**${scope}** (docs/adr/${file}):\n\n${table}`;
  }).join('\n\n');
}
