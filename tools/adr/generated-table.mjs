// The generated table of an ADR sits between two markers; the prose around it is kept as written.
import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- BEGIN GENERATED TABLE -->';
const END = '<!-- END GENERATED TABLE -->';

/**
 * The ADR's text with the table between its markers replaced.
 * @param {string} text
 * @param {string} table
 */
export function withTable(text, table) {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`the ADR lost its ${BEGIN} / ${END} markers`);
  return `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`;
}

/**
 * Rewrites the table of `file` in place.
 * @param {string} file
 * @param {string} table
 */
export function writeTable(file, table) {
  writeFileSync(file, withTable(readFileSync(file, 'utf8'), table));
  console.log(`updated ${file}`);
}
