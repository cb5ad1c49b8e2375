// Renders every operation of a Redoc 3 page the way a reader reaches it (docs/adr/0030). Redoc 3 shows one tag
// at a time - the one the URL (#/<tag>) points at - and mounts each of its operations when it scrolls near the
// viewport, replacing an empty placeholder. So: open each tag, scroll each operation into view, wait for its
// heading. Every wait is bounded.

/**
 * @param {import('playwright-core').Page} page a page showing the built reference
 * @param {string[]} tags tag names in page order
 * @param {{ timeoutMs?: number, collectText?: boolean }} [options]
 * @returns {Promise<Array<{ tag: string, sectionId: string, heading: string, text: string }>>}
 */
export async function renderEveryOperation(page, tags, { timeoutMs = 15_000, collectText = true } = {}) {
  const rendered = [];
  for (const tag of tags) {
    await openTag(page, tag);
    const prefix = `/${tag}/`;
    await page.locator(`[data-section-id^="${prefix}"]`).first().waitFor({ state: 'attached', timeout: timeoutMs });
    const ids = await page.evaluate(
      (p) =>
        [...document.querySelectorAll('[data-section-id]')]
          .map((e) => e.getAttribute('data-section-id') ?? '')
          .filter((id) => id.startsWith(p) && !id.slice(p.length).includes('/')),
      prefix,
    );
    for (const sectionId of ids) {
      const heading = await mountSection(page, sectionId, timeoutMs);
      rendered.push({
        tag,
        sectionId,
        heading: ((await heading.textContent()) ?? '').trim(),
        text: collectText ? ((await page.locator(sectionSelector(sectionId)).first().textContent()) ?? '') : '',
      });
    }
  }
  return rendered;
}

/**
 * Points the page at a tag (what clicking it in the sidebar does).
 * @param {import('playwright-core').Page} page
 * @param {string} tag
 */
export async function openTag(page, tag) {
  await page.evaluate((t) => {
    window.location.hash = `#/${t}`;
  }, tag);
}

/**
 * Scrolls a section into view until Redoc has mounted it; returns its heading.
 * @param {import('playwright-core').Page} page
 * @param {string} sectionId
 */
export async function mountSection(page, sectionId, timeoutMs = 15_000) {
  const heading = page.locator(`${sectionSelector(sectionId)} h2`).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Re-query every time: mounting replaces the placeholder element.
    await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView({ block: 'start' }), sectionSelector(sectionId));
    const visible = await heading.waitFor({ state: 'visible', timeout: 1_000 }).then(
      () => true,
      () => false,
    );
    if (visible) return heading;
    if (Date.now() > deadline) throw new Error(`${sectionId} did not render within ${timeoutMs} ms`);
  }
}

/** @param {string} sectionId */
function sectionSelector(sectionId) {
  return `[data-section-id="${sectionId.replace(/["\\]/g, '\\$&')}"]`;
}

/**
 * A heading whose whole text is `text` (Redoc's headings also hold a link whose label names the heading).
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
export function headingNamed(page, text) {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator('h1, h2, h3').filter({ hasText: exact });
}
