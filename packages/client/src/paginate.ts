// Auto-pagination: one `for await` over every item of a paged operation, following the operation's paging rule
// from the spec (generated/pagination.ts). A separate function, not a facade method, so a bundle that never pages
// does not carry it (docs/adr/0018).
import { pagingRules, type PagedItems, type PagedOperationId, type PagedRequests, type PagingRule } from './generated/pagination.js';
import type { OperationCaller, OperationId } from './generated/operations.js';
import type { CallOptions } from './options.js';

/** Options of `paginate()`: its own, plus the per-call options every page request gets. */
export interface PaginateOptions extends CallOptions {
  /** Rows asked for per page (the operation's `limit`); default: the body's `limit`, else the vendor's maximum. */
  pageSize?: number;
  /** Stop after this many items; no further page is requested (default: every item). */
  maxItems?: number;
}

/**
 * Iterates every item of a paged operation, requesting page after page as the loop consumes them and stopping at
 * the vendor's end of the list (`pageInfo.hasMore` false, or a page shorter than the page size where the vendor
 * gives no flag) or after `maxItems`.
 *
 * ```ts
 * for await (const member of paginate(nim, 'qchatGetServerMemberListPage', { serverId }, { pageSize: 100 })) { ... }
 * ```
 *
 * A failed page request rejects the loop with the call's error (after the client's retries).
 */
export async function* paginate<Op extends PagedOperationId>(
  client: { readonly call: OperationCaller },
  operationId: Op,
  body: PagedRequests[Op],
  options: PaginateOptions = {},
): AsyncGenerator<PagedItems[Op], void, undefined> {
  const rule: PagingRule | undefined = pagingRules[operationId];
  if (!rule) throw new TypeError(`${JSON.stringify(operationId)} is not an auto-paged operation`);
  const { pageSize, maxItems = Number.POSITIVE_INFINITY, ...callOptions } = options;
  if (!(maxItems >= 0) || (Number.isFinite(maxItems) && !Number.isInteger(maxItems))) throw new TypeError('maxItems must be an integer >= 0');
  const request: Record<string, unknown> = { ...body };
  for (const [field, value] of Object.entries(rule.fixed ?? {})) {
    if (request[field] !== undefined && request[field] !== value) throw new TypeError(`${operationId}: auto-pagination needs ${field} ${String(value)}`);
  }
  const size = pageSize ?? request[rule.pageSize] ?? rule.defaultPageSize;
  if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > (rule.maxPageSize ?? Number.POSITIVE_INFINITY)) {
    throw new TypeError(`pageSize must be an integer from 1 to ${rule.maxPageSize ?? 'any'} for ${operationId}`);
  }
  request[rule.pageSize] = size;
  if (request[rule.cursor] === undefined && rule.firstCursor !== undefined) request[rule.cursor] = rule.firstCursor;

  let yielded = 0;
  while (yielded < maxItems) {
    const page = (await client.call(operationId as OperationId, request as never, callOptions)) as unknown;
    const items = at(page, rule.items);
    if (!Array.isArray(items)) throw new TypeError(`${operationId}: the answer has no ${rule.items.join('.')} list`);
    for (const item of items as PagedItems[Op][]) {
      yield item;
      if (++yielded >= maxItems) return;
    }
    const last = items[items.length - 1] as Record<string, unknown> | undefined;
    let next: unknown;
    if (rule.hasMore) {
      if (at(page, rule.hasMore) !== true) return; // the vendor's flag, never the row count (hasMore may be true on a short page)
      next = at(page, rule.nextCursor!);
    } else {
      if (!last || items.length < (size as number)) return; // no flag: a short page is the last one
      next = last[rule.cursorFromItem!];
    }
    const anchor = rule.anchor && last ? last[rule.anchorFromItem!] : undefined;
    if (next === undefined || (next === request[rule.cursor] && anchor === (rule.anchor && request[rule.anchor]))) {
      throw new Error(`${operationId}: the cursor did not move (${rule.cursor} ${String(next)}); stopping instead of asking for the same page again`);
    }
    request[rule.cursor] = next;
    if (rule.anchor) request[rule.anchor] = anchor;
  }
}

function at(value: unknown, path: readonly string[]): unknown {
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
