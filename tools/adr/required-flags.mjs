#!/usr/bin/env node
// The table of inferred required flags in docs/adr/0006, generated from the spec's `x-nim-required-source: inferred`.
//   node tools/adr/required-flags.mjs          rewrite the table in the ADR
//   (tools/check-generated.mjs fails when the ADR's table differs from the spec)
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec, requestSchema } from '@nimkit/spec-lib';
import { withTable, writeTable } from './generated-table.mjs';

export const ADR = fileURLToPath(new URL('../../docs/adr/0006-inferred-required-flags.md', import.meta.url));

/** @param {Record<string, any>} [spec] */
export function requiredFlagsTable(spec = loadSpec()) {
  const rows = ['| operation | decided required | decided optional |', '|---|---|---|'];
  for (const { operationId, op } of listOperations(spec)) {
    const schema = requestSchema(spec, op);
    const required = new Set(schema.required ?? []);
    const inferred = Object.entries(schema.properties ?? {}).filter(([, p]) => p['x-nim-required-source'] === 'inferred');
    if (!inferred.length) continue;
    const list = (/** @type {boolean} */ want) => inferred.filter(([n]) => required.has(n) === want).map(([n]) => `\`${n}\``).join(', ') || '-';
    rows.push(`| ${operationId} | ${list(true)} | ${list(false)} |`);
  }
  return rows.join('\n');
}

/**
 * The ADR's text with its generated table replaced by the spec's (the prose around it is kept as written).
 * @param {string} text
 * @param {Record<string, any>} spec
 */
export const adrWithTable = (text, spec) => withTable(text, requiredFlagsTable(spec));

if (process.argv[1] === fileURLToPath(import.meta.url)) writeTable(ADR, requiredFlagsTable(loadSpec()));
