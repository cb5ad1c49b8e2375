// Which operations page, and how, is declared in the spec (x-nim-pagination), never hand-listed: every operation
// with a page-size field declares its rule or says why it is not auto-paged, and the client iterates exactly the
// declared ones.
import { describe, expect, it } from 'vitest';
import { pagingRules, type PagingRule } from '@nimkit/client';
import { deref, normalisedBranch, okSchema, requestSchema } from '@nimkit/spec-lib';
import { operations, spec } from './support/spec.js';

/** A field with two encodings (docs/adr/0042) as the client returns it, which is what paginate() reads. */
const normalised = (node: any): any => {
  const branch = node && normalisedBranch(spec, node);
  return branch ? normalised(deref(spec, branch)) : node;
};
/** A schema's properties, its `allOf` parts' included (a tag member is a member plus its tags). */
const propertiesOf = (node: any): Record<string, any> | undefined =>
  node && Object.assign({}, ...(node.allOf ?? []).map(propertiesOf), node.properties);
const at = (node: any, path: readonly string[]) => path.reduce((n: any, key: string) => normalised(propertiesOf(n)?.[key]), normalised(node));

/** The operations whose x-nim-pagination is a rule (not `manual`), with the rule the client generated from it. */
const declared = operations.filter(({ op }) => op['x-nim-pagination'] && !op['x-nim-pagination'].manual).map((o) => o.operationId);
const rules = () => Object.entries(pagingRules) as Array<[string, PagingRule]>;

describe('x-nim-pagination', () => {
  const withLimit = operations.filter(({ op }) => requestSchema(spec, op).properties.limit);

  it('every operation with a `limit` declares a paging rule or why it has none', () => {
    expect(withLimit.length).toBeGreaterThanOrEqual(13);
    for (const { operationId, op } of withLimit) {
      const ext = op['x-nim-pagination'];
      expect(ext, operationId).toBeDefined();
      if (ext.manual) expect(ext.manual, operationId).toMatch(/^not auto-paged: .{20,}/);
    }
  });

  it('the client can iterate exactly the operations with a rule', () => {
    expect(Object.keys(pagingRules).sort()).toEqual([...declared].sort());
    expect(declared).toContain('qchatGetServerMemberListPage');
    expect(declared).toContain('chatroomMembersByPage');
  });

  it('a rule whose cursor the request requires gives the first page its cursor (paginate() sends it)', () => {
    for (const [operationId, rule] of rules()) {
      const { op } = operations.find((o) => o.operationId === operationId)!;
      if (!(requestSchema(spec, op).required ?? []).includes(rule.cursor)) continue;
      expect(rule.firstCursor, `${operationId}: ${rule.cursor} is required`).toBeDefined();
    }
  });

  it('every rule names fields the request and success schemas have', () => {
    for (const [operationId, rule] of rules()) {
      const { op } = operations.find((o) => o.operationId === operationId)!;
      const ok = okSchema(spec, op);
      const items = at(ok, rule.items);
      expect(items?.type, `${operationId} items`).toBe('array');
      const item = propertiesOf(items.items);
      if (rule.cursorFromItem) expect(item, `${operationId} ${rule.cursorFromItem}`).toHaveProperty([rule.cursorFromItem]);
      if (rule.anchorFromItem) expect(item, `${operationId} ${rule.anchorFromItem}`).toHaveProperty([rule.anchorFromItem]);
      if (rule.hasMore) expect(at(ok, rule.hasMore)?.type, operationId).toBe('boolean');
    }
  });
});
