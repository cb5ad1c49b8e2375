// What a reader sees first for each operation: the English summary with the vendor's Chinese title
// (x-nim-title) so either language finds it in the search box, one line linking the vendor page and naming the
// TypeScript call, and - where the vendor does not say which fields are required - which flags were inferred.
import { requestSchema } from '@nimkit/spec-lib';

/**
 * @param {Record<string, any>} op
 */
export function operationSummary(op) {
  return `${op.summary} (${op['x-nim-title']})`;
}

/**
 * @param {import('@nimkit/spec-lib').Operation} operation
 */
export function operationLead({ operationId, group, action, op }) {
  const vendor = op.externalDocs?.url ? `[${op['x-nim-title']}](${op.externalDocs.url}) (vendor page)` : op['x-nim-title'];
  return `${vendor} · TypeScript: \`nim.${group}.${action}()\` · operationId \`${operationId}\``;
}

/**
 * A sentence naming the fields whose required flag was decided from meaning (x-nim-required-source), or ''.
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} op
 */
export function inferredFlagsNote(spec, op) {
  const properties = Object.entries(requestSchema(spec, op).properties ?? {});
  const inferred = properties.filter(([, p]) => p['x-nim-required-source'] === 'inferred').map(([name]) => name);
  if (!inferred.length) return '';
  const which = inferred.length === properties.length ? 'every field' : inferred.map((n) => `\`${n}\``).join(', ');
  return `*Required flags inferred from meaning for ${which}: the vendor's page does not say.*`;
}
