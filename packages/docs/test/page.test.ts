// The built page in headless Chromium, served by a real node:http server: it renders without console errors,
// asks nothing from any other origin, shows every operation of the spec with its Chinese title and samples,
// finds operations by their Chinese title in Redoc's search box, and leaves a screenshot to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReference, type Reference } from './support/reference.js';
import { headingNamed, openTag, renderEveryOperation } from './support/render-all.js';
import { ARTIFACTS, operations, PAGE_FILE, spec } from './support/spec.js';

let browser: Reference;

const tags: string[] = spec['x-tagGroups'].flatMap((g: { tags: string[] }) => g.tags);
const summaryOf = (op: any) => `${op.summary} (${op['x-nim-title']})`;

beforeAll(async () => {
  browser = await openReference(PAGE_FILE);
});

afterAll(() => browser?.close());

describe('the reference page in Chromium', () => {
  it('renders the title and the introduction', async () => {
    const { page } = browser;
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 }).toContain(spec.info.title);
    for (const heading of ['Your first call', 'Signing a request', 'Ids are strings', 'Callbacks']) {
      await expect.poll(() => headingNamed(page, heading).count()).toBeGreaterThan(0);
    }
  });

  it('shows every operation of the spec, each with its Chinese title, path and curl sample', async () => {
    const rendered = await renderEveryOperation(browser.page, tags);
    const expected = operations.map(({ op, path }) => ({ tag: op.tags[0], heading: summaryOf(op), path })).sort(byHeading);
    const seen = rendered
      .map((r) => ({ tag: r.tag, heading: r.heading, path: expected.find((e) => e.heading === r.heading)?.path ?? '?' }))
      .sort(byHeading);
    expect(seen).toEqual(expected);
    for (const r of rendered) {
      const { path } = expected.find((e) => e.heading === r.heading)!;
      expect(r.text, r.heading).toContain(path);
      expect(r.text, r.heading).toContain('--data');
      expect(r.text, r.heading).toContain('(vendor page)');
    }
  });

  const firstOfEachGroup = ['qchat', 'chatroom'].map((g) => operations.find((o) => o.group === g)!);
  it.each(firstOfEachGroup.map((o) => ({ title: o.op['x-nim-title'] as string, op: o.op })))(
    'finds $title with the search box',
    async ({ op }) => {
      const { page } = browser;
      await page.keyboard.press('Escape');
      await page.getByText('Search', { exact: false }).first().click();
      const input = page.getByPlaceholder('Search docs...');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(op['x-nim-title']);
      const hit = page.getByText(summaryOf(op), { exact: true }).first();
      await hit.waitFor({ state: 'visible', timeout: 10_000 });
      await hit.click();
      await expect.poll(() => headingNamed(page, summaryOf(op)).first().isVisible(), { timeout: 10_000 }).toBe(true);
    },
  );

  it('saves a screenshot of the first operation (test/artifacts/first-operation.png)', async () => {
    const { page } = browser;
    const first = operations[0]!;
    await openTag(page, first.op.tags[0]);
    const heading = headingNamed(page, summaryOf(first.op)).first();
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('[data-section-id]').filter({ has: heading }).last().evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300); // let the lazily mounted panels paint before the picture
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'first-operation.png');
    await page.screenshot({ path: file });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('offers the curl and the TypeScript sample of an operation', async () => {
    const { page } = browser;
    const { op, group, action } = operations[0]!;
    await page.keyboard.press('Escape');
    await openTag(page, op.tags[0]);
    const heading = headingNamed(page, summaryOf(op)).first();
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    const section = page.locator('[data-section-id]').filter({ has: heading }).last();
    await section.locator('button[aria-haspopup="menu"]', { hasText: /^curl$/ }).first().click();
    const menu = page.locator('ul[role="menu"]').last();
    await expect.poll(() => menu.locator('li').allTextContents(), { timeout: 10_000 }).toEqual(['curl', 'TypeScript']);
    await menu.locator('li', { hasText: 'TypeScript' }).click();
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain(`await nim.${group}.${action}(`);
  });

  it('logged no console error and requested nothing from another origin during all of the above', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.external).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.every((url) => url.startsWith(browser.origin))).toBe(true);
    expect(browser.requests.filter((url) => url.endsWith('/favicon.ico'))).toEqual([]); // the icon is inline
  });
});

function byHeading(a: { heading: string }, b: { heading: string }) {
  return a.heading.localeCompare(b.heading);
}
