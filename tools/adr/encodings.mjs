#!/usr/bin/env node
// The table of response fields with two encodings in docs/adr/0042, generated from the spec's `x-nim-encoding`
// alternatives.
//   node tools/adr/encodings.mjs          rewrite the table in the ADR
//   (tools/check-generated.mjs fails when the ADR's table differs from the spec)
import { fileURLToPath } from 'node:url';
import { deref, encodingBranches, listOperations, loadSpec, normalisedBranch, okSchema } from '@nimkit/spec-lib';
import { withTable, writeTable } from './generated-table.mjs';

export const ADR = fileURLToPath(new URL('../../docs/adr/0042-two-encodings-of-response-fields.md', import.meta.url));

/**
 * A short name for the JSON form a (dereferenced) schema describes; `client` names ids as the client returns them.
 * @param {Record<string, any>} spec @param {any} schema @param {boolean} [client] @returns {string}
 */
function form(spec, schema, client = false) {
  const s = deref(spec, schema);
  if (s.contentMediaType === 'application/json') return `JSON text of ${form(spec, s.contentSchema, client)}`;
  if (s.type === 'array') return `an array of ${plural(form(spec, s.items, client))}`;
  if (s.format === 'nim-id') return client ? 'an exact decimal string (id)' : 'a number (64-bit id)';
  if (s.type === 'string') return /^\^\[0-9\]/.test(s.pattern ?? '') ? 'a decimal string' : 'a string';
  if (s.type === 'integer') return 'a number';
  return 'an object';
}

/** @type {Record<string, string>} */
const PLURALS = {
  'an object': 'objects',
  'a string': 'strings',
  'a decimal string': 'decimal strings',
  'a number': 'numbers',
  'a number (64-bit id)': 'numbers (64-bit ids)',
  'an exact decimal string (id)': 'exact decimal strings (ids)',
};
const plural = (/** @type {string} */ phrase) => PLURALS[phrase] ?? `items of ${phrase}`;

/**
 * [path, schema] of every encoding alternative under a schema, parents first (as the client normalises them).
 * @param {Record<string, any>} spec @param {any} schema @param {string[]} [path] @param {[string[], any][]} [out]
 */
function alternatives(spec, schema, path = [], out = []) {
  if (!schema || typeof schema !== 'object') return out;
  if (encodingBranches(schema)) {
    out.push([path, schema]);
    return alternatives(spec, deref(spec, normalisedBranch(spec, schema)), path, out);
  }
  for (const [name, s] of Object.entries(schema.properties ?? {})) alternatives(spec, s, [...path, name], out);
  if (schema.items) alternatives(spec, schema.items, [...path, '*'], out);
  // Map values (batchSendMsg's `{msgId: message}` entries), `**` as in the client's paths.
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    alternatives(spec, schema.additionalProperties, [...path, '**'], out);
  }
  return out;
}

/** @param {Record<string, any>} [spec] */
export function encodingsTable(spec = loadSpec()) {
  const rows = ['| operation | field | vendor pages | official Go SDK v1.0.0 decodes | @nimkit/client returns |', '|---|---|---|---|---|'];
  for (const { operationId, op } of listOperations(spec)) {
    for (const [path, schema] of alternatives(spec, okSchema(spec, op))) {
      const branch = (/** @type {string} */ e) => encodingBranches(schema)?.find((b) => b['x-nim-encoding'] === e);
      const returns = form(spec, normalisedBranch(spec, schema), true);
      rows.push(`| ${operationId} | \`${path.join('.')}\` | ${form(spec, branch('docs'))} | ${form(spec, branch('sdk'))} | ${returns} |`);
    }
  }
  return rows.join('\n');
}

/**
 * The ADR's text with its generated table replaced by the spec's.
 * @param {string} text
 * @param {Record<string, any>} spec
 */
export const encodingsAdrWithTable = (text, spec) => withTable(text, encodingsTable(spec));

if (process.argv[1] === fileURLToPath(import.meta.url)) writeTable(ADR, encodingsTable());
