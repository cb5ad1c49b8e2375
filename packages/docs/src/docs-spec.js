// The spec the page renders: the bundled spec plus what Redoc cannot show by itself - generated tables in the
// introduction, Chinese titles next to the summaries, the JSON-in-form-field limits and the code samples.
import { listOperations } from '@nimkit/spec-lib';
import { codeSamples } from './code-samples.js';
import { fillIntroduction } from './introduction.js';
import { describeJsonValue } from './json-fields.js';
import { inferredFlagsNote, operationLead, operationSummary } from './operation-text.js';
import { pruneForPage } from './page-definition.js';

/**
 * @param {Record<string, any>} spec
 * @param {{ regions: Readonly<Record<string, readonly string[]>> }} options
 */
export function docsSpec(spec, { regions }) {
  const out = structuredClone(spec);
  out.info.description = fillIntroduction(spec, { regions });
  for (const o of listOperations(out)) {
    o.op.summary = operationSummary(o.op);
    const note = inferredFlagsNote(spec, o.op);
    o.op.description = [operationLead(o), (o.op.description ?? '').trim(), note].filter(Boolean).join('\n\n') + '\n';
    o.op['x-codeSamples'] = codeSamples(spec, o);
  }
  for (const property of jsonFormFields(out)) {
    property.description = `${(property.description ?? '').trim()}\n\n${describeJsonValue(spec, property)}\n`;
  }
  return pruneForPage(out);
}

/**
 * Every schema node that is a JSON-inside-a-form-field property (string + contentSchema), each once.
 * @param {Record<string, any>} spec
 */
export function jsonFormFields(spec) {
  const found = new Set();
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.contentSchema && node.contentMediaType === 'application/json') found.add(node);
    for (const [key, value] of Object.entries(node)) if (key !== 'contentSchema') walk(value);
  })(spec);
  return [...found];
}
