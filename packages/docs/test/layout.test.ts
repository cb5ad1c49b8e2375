// Code and tables fit their boxes, as a reader sees them in Chromium: at 1440 px nothing is wider than its box
// (no sideways scrolling to read a sample); at 1024 and 390 px nothing is clipped (what does not fit wraps or
// scrolls); no table header is broken inside a word. Screenshots of the three widths are saved as artefacts.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReference, type Reference } from './support/reference.js';
import { renderEveryOperation } from './support/render-all.js';
import { ARTIFACTS, LOCAL_PAGE_FILE } from './support/spec.js';

// One QChat and one chatroom tag with the longest samples, and the introduction (landing view).
const TAGS = ['qchat-channel-access', 'chatroom-messages'];

/** Every code block and table in view-independent terms: how much wider its content is than its box. */
function measure(page: Page) {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll('pre, table')).filter((e) => e.clientWidth > 0);
    return {
      boxes: boxes.length,
      wider: boxes
        .map((e) => ({ what: `${e.tagName} "${(e.textContent ?? '').slice(0, 50)}"`, over: e.scrollWidth - e.clientWidth, overflow: getComputedStyle(e).overflowX }))
        .filter((b) => b.over > 1),
      // A header broken inside a word: one word laid out on more than one line.
      brokenHeaders: Array.from(document.querySelectorAll('th'))
        .filter((th) => {
          const words = (th.textContent ?? '').trim().split(/\s+/);
          const range = document.createRange();
          range.selectNodeContents(th);
          return words.length === 1 && words[0]!.length > 1 && range.getClientRects().length > 1;
        })
        .map((th) => th.textContent),
    };
  });
}

describe.each([
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
])('the page at $width px', (viewport) => {
  let browser: Reference;
  beforeAll(async () => {
    browser = await openReference(LOCAL_PAGE_FILE, viewport);
  });
  afterAll(() => browser?.close());

  it('fits every code block and table of the introduction and of two tags', async () => {
    const { page } = browser;
    const seen = [await measure(page)];
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `layout-${viewport.width}-introduction.png`) });
    await renderEveryOperation(page, TAGS, { collectText: false });
    seen.push(await measure(page));
    const file = join(ARTIFACTS, `layout-${viewport.width}-operation.png`);
    await page.screenshot({ path: file });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');

    expect(seen.reduce((n, s) => n + s.boxes, 0)).toBeGreaterThan(10);
    expect(seen.flatMap((s) => s.brokenHeaders)).toEqual([]);
    const wider = seen.flatMap((s) => s.wider);
    if (viewport.width >= 1440) expect(wider).toEqual([]);
    // Narrower: what is still wider than its box must scroll inside it, never be cut off.
    else expect(wider.filter((w) => w.overflow !== 'auto' && w.overflow !== 'scroll')).toEqual([]);
  });
});
