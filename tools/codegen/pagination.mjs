// The paging rule of every operation the spec marks with `x-nim-pagination` (see docs/adr/0018), as a table for the
// client's `paginate()`, with the body each iteration takes and the item type it yields.
import { listOperations, pascal, requestSchema } from '@nimkit/spec-lib';

/**
 * The auto-paged operations: [{ operationId, name, rule }] with dot paths split; `manual` entries left out.
 * @param {Record<string, any>} spec
 * @returns {{ operationId: string, name: string, rule: Record<string, any> }[]}
 */
export function pagedOperations(spec) {
  return listOperations(spec)
    .filter(({ op }) => op['x-nim-pagination'] && !op['x-nim-pagination'].manual)
    .map(({ operationId, op }) => {
      const ext = op['x-nim-pagination'];
      const props = requestSchema(spec, op).properties;
      for (const field of [ext.pageSize, ext.cursor, ext.anchor].filter(Boolean)) {
        if (!props[field]) throw new Error(`${operationId}: x-nim-pagination names ${field}, which is not a request field`);
      }
      if (!ext.hasMore !== !ext.nextCursor || !ext.nextCursor === !ext.cursorFromItem) {
        throw new Error(`${operationId}: x-nim-pagination needs either nextCursor + hasMore or cursorFromItem`);
      }
      const size = props[ext.pageSize];
      const rule = {
        items: ext.items.split('.'),
        pageSize: ext.pageSize,
        ...(size.maximum !== undefined && { maxPageSize: size.maximum }),
        defaultPageSize: size.maximum ?? size.default ?? 100,
        cursor: ext.cursor,
        ...(ext.firstCursor !== undefined && { firstCursor: ext.firstCursor }),
        ...(ext.nextCursor && { nextCursor: ext.nextCursor.split('.'), hasMore: ext.hasMore.split('.') }),
        ...(ext.cursorFromItem && { cursorFromItem: ext.cursorFromItem }),
        ...(ext.anchor && { anchor: ext.anchor, anchorFromItem: ext.anchorFromItem }),
        ...(ext.fixed && { fixed: ext.fixed }),
      };
      return { operationId, name: pascal(operationId), rule };
    });
}

/** @param {Record<string, any>} spec @returns {string} the TypeScript module */
export function generatePagination(spec) {
  const paged = pagedOperations(spec);
  const types = [...new Set(paged.flatMap(({ name }) => [`${name}Request`, `${name}Ok`]))].sort();
  /** @param {{ name: string, rule: Record<string, any> }} paged */
  const body = ({ name, rule }) => {
    const set = [rule.cursor, rule.pageSize, rule.anchor].filter(Boolean).map((f) => `'${f}'`);
    const fixed = Object.entries(rule.fixed ?? {});
    const omitted = [...set, ...fixed.map(([k]) => `'${k}'`)].join(' | ');
    const extra = fixed.length ? ` & { ${fixed.map(([k, v]) => `${k}?: ${JSON.stringify(v)}`).join('; ')} }` : '';
    return `Omit<${name}Request, ${omitted}> & Partial<Pick<${name}Request, ${set.join(' | ')}>>${extra}`;
  };
  // NonNullable at each step: a list or its parent object may be optional in the answer (thread history `msgs`).
  /** @param {{ name: string, rule: Record<string, any> }} paged */
  const item = ({ name, rule }) => `${rule.items.reduce((/** @type {string} */ type, /** @type {string} */ k) => `NonNullable<${type}['${k}']>`, `${name}Ok`)}[number]`;
  return `import type {\n${types.map((t) => `  ${t},`).join('\n')}\n} from './schema.js';

/** How one operation pages (the spec's \`x-nim-pagination\`); read by \`paginate()\`. */
export interface PagingRule {
  /** Where the page's items are in the success body. */
  readonly items: readonly string[];
  /** The request field holding the page size, its vendor maximum, and the size asked for when none is given. */
  readonly pageSize: string;
  readonly maxPageSize?: number;
  readonly defaultPageSize: number;
  /** The request field holding the cursor, and what the first page sends when the caller gives none. */
  readonly cursor: string;
  readonly firstCursor?: number;
  /** Cursor style 1: the next cursor and the end-of-list flag are in the body (QChat \`pageInfo\`). */
  readonly nextCursor?: readonly string[];
  readonly hasMore?: readonly string[];
  /** Cursor style 2: the next cursor is a field of the last item, and a page shorter than the page size ends the list. */
  readonly cursorFromItem?: string;
  /** A tie-break field sent with the cursor, taken from the last item (\`excludeMsgId\` <- \`msgIdServer\`). */
  readonly anchor?: string;
  readonly anchorFromItem?: string;
  /** Fields whose value auto-pagination needs (any other value is refused). */
  readonly fixed?: Readonly<Record<string, unknown>>;
}

/** Every operation \`paginate()\` can iterate. */
export type PagedOperationId =
${paged.map((p) => `  | '${p.operationId}'`).join('\n')};

/** The body \`paginate()\` takes: the operation's request without its paging fields, which it sets (you may give a start). */
export interface PagedRequests {
${paged.map((p) => `  ${p.operationId}: ${body(p)};`).join('\n')}
}

/** The item \`paginate()\` yields for each operation. */
export interface PagedItems {
${paged.map((p) => `  ${p.operationId}: ${item(p)};`).join('\n')}
}

/** The paging rule of every paged operation. */
export const pagingRules: { readonly [Op in PagedOperationId]: PagingRule } = {
${paged.map(({ operationId, rule }) => `  ${operationId}: ${JSON.stringify(rule)},`).join('\n')}
};
`;
}
