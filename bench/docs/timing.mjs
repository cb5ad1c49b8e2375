// Times a built page in headless Chromium (the same browser set-up as the docs' browser tests):
// - interactive: navigation start until React has hydrated Redoc's prerendered page (the title heading carries
//   React's fiber key), i.e. the sidebar, search and links respond;
// - deep link: navigation start of a fresh load of `#/<tag>/<operation>` until that operation's heading shows;
// - every operation: navigation start until every tag has been opened and every operation in it mounted, driven
//   from inside the page as fast as Redoc renders (no round trips to the test driver), every wait bounded.
import { openBrowser, servePage } from '@nimkit/test-kit/browser';

const STEP_TIMEOUT_MS = 15_000;

/** `deepLink`: { tag, operationId } of the operation a deep link opens. */
export async function timePage(file, tags, deepLink) {
  const server = await servePage(file);
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    await page.goto(`${server.origin}/#/${deepLink.tag}/${deepLink.operationId.toLowerCase()}`, { waitUntil: 'commit' });
    const deepLinkMs = await page.evaluate(whenShown, { sectionId: `/${deepLink.tag}/${deepLink.operationId.toLowerCase()}`, timeoutMs: STEP_TIMEOUT_MS });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const interactive = await page.evaluate(whenHydrated, STEP_TIMEOUT_MS);
    const walk = await page.evaluate(walkEveryOperation, { tags, timeoutMs: STEP_TIMEOUT_MS });
    return {
      interactiveMs: interactive,
      deepLinkMs,
      everyOperationMs: walk.end,
      operations: walk.count,
      slowestTagMs: Math.max(...walk.tagMs),
      external: browser.external.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Runs in the page: resolves with performance.now() once React owns the page's title heading. */
async function whenHydrated(timeoutMs) {
  const end = performance.now() + timeoutMs;
  const hydrated = () => {
    const h1 = document.querySelector('#redoc h1');
    return h1 !== null && Object.keys(h1).some((key) => key.startsWith('__reactFiber'));
  };
  while (!hydrated()) {
    if (performance.now() > end) throw new Error('Redoc did not hydrate');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}

/** Runs in the page: resolves with performance.now() once the operation's heading is rendered and visible. */
async function whenShown({ sectionId, timeoutMs }) {
  const end = performance.now() + timeoutMs;
  const shown = () => {
    const heading = document.querySelector(`[data-section-id="${sectionId}"] h2`);
    if (!heading) return false;
    const box = heading.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  };
  while (!shown()) {
    if (performance.now() > end) throw new Error(`${sectionId} was not shown`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}

/** Runs in the page: opens each tag and scrolls each of its operations into view until its heading exists. */
async function walkEveryOperation({ tags, timeoutMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  const until = async (condition, what) => {
    const end = performance.now() + timeoutMs;
    while (!condition()) {
      if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
      await frame();
    }
  };
  let count = 0;
  const tagMs = [];
  for (const tag of tags) {
    const start = performance.now();
    window.location.hash = `#/${tag}`;
    const prefix = `/${tag}/`;
    const ids = () =>
      [...document.querySelectorAll('[data-section-id]')]
        .map((e) => e.getAttribute('data-section-id') ?? '')
        .filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes('/'));
    await until(() => ids().length > 0, `tag ${tag}`);
    for (const id of ids()) {
      const selector = `[data-section-id="${id}"]`;
      await until(() => {
        document.querySelector(selector)?.scrollIntoView({ block: 'start' });
        return document.querySelector(`${selector} h2`) !== null;
      }, `operation ${id}`);
      count++;
    }
    tagMs.push(performance.now() - start);
  }
  return { count, end: performance.now(), tagMs };
}
