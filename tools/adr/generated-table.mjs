// The generated table of an ADR sits between two markers; read it, or rewrite it in place.
import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- BEGIN GENERATED TABLE -->';
const END = '<!-- END GENERATED TABLE -->';

/** The table between the markers of `file` (trimmed), or undefined when the markers are missing. */
export function tableIn(file) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return start < 0 || end < 0 ? undefined : text.slice(start + BEGIN.length, end).trim();
}

/** Replaces the table between the markers of `file`. */
export function writeTable(file, table) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${file} has no ${BEGIN} ... ${END} markers`);
  writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`);
  console.log(`updated ${file}`);
}
