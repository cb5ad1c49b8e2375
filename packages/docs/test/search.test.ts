// Search finds any operation by any part of its Chinese title, path or operationId - first, above Redoc's own
// full-text results - both as a function over the spec's entries and as a reader types into the page's search box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEntries } from '../src/search/index.js';
import { searchOperations } from '../src/search/score.js';
import { openReference, type Reference } from './support/reference.js';
import { headingNamed } from './support/render-all.js';
import { LOCAL_PAGE_FILE, operations, spec } from './support/spec.js';

const entries = searchEntries(spec);
const byId = new Map(operations.map((o) => [o.operationId, o.op]));
const titled = (text: string) => operations.filter((o) => o.op['x-nim-title'].includes(text)).map((o) => o.operationId);
const described = (text: string) => operations.filter((o) => String(o.op.description).includes(text)).map((o) => o.operationId);

// What a reader searching each query must see first (the examples).
const CASES: Array<{ query: string; first: string[]; count?: number }> = [
  { query: '发送消息', first: ['qchatSendMsg', 'chatroomSendMsg'], count: 2 },
  { query: '聊天室消息', first: ['chatroomSendMsg'] },
  { query: '队列', first: titled('队列') },
  { query: '撤回', first: titled('撤回').length ? titled('撤回') : described('撤回') },
  { query: 'sendMsg', first: ['qchatSendMsg', 'chatroomSendMsg'], count: 2 },
  { query: 'queuePoll', first: ['chatroomQueuePoll'] },
  { query: '/chatroom/get', first: ['chatroomGet'] },
];

describe('searchOperations', () => {
  it.each(CASES)('$query finds $first first', ({ query, first, count = 1 }) => {
    expect(first.length).toBeGreaterThan(0);
    const hits = searchOperations(entries, query).map((e) => e.operationId);
    expect(hits.slice(0, count).every((id) => first.includes(id)), `${query}: ${hits.join(', ')}`).toBe(true);
  });

  it('finds every operation by any two adjacent characters of its Chinese title and by its operationId', () => {
    for (const { operationId, op } of operations) {
      const title = Array.from(op['x-nim-title'] as string);
      for (let i = 0; i + 1 < title.length; i++) {
        const part = title[i]! + title[i + 1]!;
        expect(searchOperations(entries, part, 1000).map((e) => e.operationId), `${part} in ${title.join('')}`).toContain(operationId);
      }
      expect(searchOperations(entries, operationId)[0]?.operationId).toBe(operationId);
    }
  });

  it('finds nothing for an empty query or a stranger', () => {
    expect(searchOperations(entries, '  ')).toEqual([]);
    expect(searchOperations(entries, 'zzzqqq')).toEqual([]);
  });
});

describe('the search box of the page', () => {
  let browser: Reference;
  beforeAll(async () => {
    browser = await openReference(LOCAL_PAGE_FILE);
  });
  afterAll(() => browser?.close());

  it.each(CASES)('typing $query shows $first first, and the hit opens the operation', async ({ query, first, count = 1 }) => {
    const { page } = browser;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    const input = page.getByPlaceholder('Search docs...');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(query);
    const results = page.locator('[data-nimkit-results] a, [data-component-name="Search/SearchItem"]');
    await results.first().waitFor({ state: 'visible', timeout: 10_000 });
    const shown = await results.evaluateAll((links) => links.map((a) => a.getAttribute('data-operation-id') ?? 'redoc'));
    expect(shown.slice(0, count).every((id) => first.includes(id)), `${query}: ${shown.join(', ')}`).toBe(true);
    const op = byId.get(shown[0]!);
    await results.first().click();
    const heading = headingNamed(page, `${op.summary} (${op['x-nim-title']})`).first();
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('[data-nimkit-results]').count()).toBe(0);
  });

  it('logged no console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
