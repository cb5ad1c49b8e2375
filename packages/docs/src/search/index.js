// The search entries the page carries: per operation its ids, English summary, Chinese title, the Chinese terms
// its description explains in parentheses (e.g. 撤回 for a recall flag), and where Redoc shows it.
import { listOperations } from '@nimkit/spec-lib';

const CJK_TERM = /[\u3400-\u9fff]{2,}/g;

/** @param {Record<string, any>} spec @returns {import('./score.js').SearchEntry[]} */
export function searchEntries(spec) {
  return listOperations(spec).map(({ operationId, path, op }) => ({
    operationId,
    path,
    summary: op.summary,
    title: op['x-nim-title'],
    terms: [...new Set(String(op.description ?? '').match(CJK_TERM) ?? [])],
    // Redoc 3's address of an operation: #/<tag>/<operationId in lower case>.
    href: `#/${op.tags[0]}/${operationId.toLowerCase()}`,
  }));
}
