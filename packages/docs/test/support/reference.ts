// A built page served on loopback and open in headless Chromium once Redoc has rendered its title: what every
// browser test of the page starts from.
import { openBrowser, servePage } from '@nimkit/test-kit/browser';

export type Reference = Awaited<ReturnType<typeof openBrowser>> & { origin: string };

export async function openReference(file: string, viewport?: { width: number; height: number }): Promise<Reference> {
  const server = await servePage(file);
  const browser = await openBrowser(server.origin, viewport);
  await browser.page.goto(`${server.origin}/`, { waitUntil: 'load' });
  await browser.page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  return {
    ...browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
