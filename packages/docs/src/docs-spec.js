// The spec the page renders: the bundled spec plus what Redoc cannot show by itself - generated tables in the
// introduction, Chinese titles next to the summaries, the JSON-in-form-field limits and the code samples.
import { listOperations } from '@nimkit/spec-lib';
import { codeSamples, vendorTarget } from './code-samples.js';
import { fillIntroduction } from './introduction.js';
import { describeJsonValue } from './json-fields.js';
import { inferredFlagsNote, operationLead, operationSummary } from './operation-text.js';
import { pruneForPage } from './page-definition.js';
import { showEnumNames } from './enum-names.js';

/**
 * `target`: where the samples send - the vendor (the published page) or the local emulator (the page `npm start`
 * serves, whose samples work pasted as they are).
 * @param {Record<string, any>} spec
 * @param {{ regions: Readonly<Record<string, readonly string[]>>, target?: import('./code-samples.js').SampleTarget }} options
 */
export function docsSpec(spec, { regions, target = vendorTarget(spec) }) {
  const out = structuredClone(spec);
  out.info.description = fillIntroduction(spec, { regions });
  if (target.appKey) {
    out.servers = [{ url: target.baseUrl, description: 'The emulator started by npm start (nim-mock)' }, ...spec.servers];
    out.info.description = `${localNote(target)}\n\n${out.info.description}`;
  }
  for (const o of listOperations(out)) {
    o.op.summary = operationSummary(o.op);
    const note = inferredFlagsNote(spec, o.op);
    o.op.description = [operationLead(o), (o.op.description ?? '').trim(), note].filter(Boolean).join('\n\n') + '\n';
    o.op['x-codeSamples'] = codeSamples(spec, o, target);
  }
  for (const property of jsonFormFields(out)) {
    property.description = `${(property.description ?? '').trim()}\n\n${describeJsonValue(spec, property)}\n`;
  }
  return pruneForPage(showEnumNames(out));
}

/** @param {import('./code-samples.js').SampleTarget} target */
function localNote(target) {
  return (
    `> **Served by \`npm start\`**: the samples on this copy of the page send to the emulator at ` +
    `\`${target.baseUrl}\` with its default AppKey \`${target.appKey}\` and AppSecret \`${target.appSecret}\`, so they ` +
    `work pasted as they are. The published page sends to the vendor's hosts.`
  );
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
