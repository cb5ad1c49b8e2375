// Builds the one-page reference twice from the bundled spec (docs-spec.js), each rendered by Redoc through
// `redocly build-docs --inlineBundle` and made self-contained (self-contained.js):
// - dist/index.html, the published page: samples send to the vendor's hosts;
// - dist/local.html, the page `npm start` serves: samples send to the emulator with its default credentials.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regions } from '@nimkit/client';
import { EMULATOR_TARGET, vendorTarget } from './code-samples.js';
import { docsSpec } from './docs-spec.js';
import { packDefinition } from './packed-definition.js';
import { addHead } from './page-head.js';
import { searchEntries } from './search/index.js';
import { addSearch } from './search/inject.js';
import { buildDocs } from './redoc.js';
import { makeSelfContained } from './self-contained.js';

const require = createRequire(import.meta.url);
export { EMULATOR_TARGET };
export { replaceInPage } from './packed-definition.js';
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const PAGE = `${DIST}index.html`;
export const LOCAL_PAGE = `${DIST}local.html`;
export const DEFINITION = `${DIST}openapi.docs.json`;
export const LOCAL_DEFINITION = `${DIST}openapi.local.json`;

/** Builds both pages. @returns {Promise<{ bytes: number, localBytes: number }>} their sizes in bytes */
export async function build() {
  const spec = JSON.parse(readFileSync(require.resolve('@nimkit/spec/openapi.json'), 'utf8'));
  mkdirSync(DIST, { recursive: true });
  // Redoc's raw output goes to a scratch folder: dist/*.html are only ever finished, self-contained pages.
  const scratch = mkdtempSync(join(tmpdir(), 'nimkit-docs-'));
  try {
    const pages = [
      { definition: DEFINITION, page: PAGE, target: vendorTarget(spec) },
      { definition: LOCAL_DEFINITION, page: LOCAL_PAGE, target: EMULATOR_TARGET },
    ];
    const sizes = await Promise.all(
      pages.map(async ({ definition, page, target }, i) => {
        writeFileSync(definition, `${JSON.stringify(docsSpec(spec, { regions, target }), null, 2)}\n`);
        const redoc = await buildDocs(definition, join(scratch, `redoc-${i}.html`), { title: spec.info.title });
        const html = makeSelfContained(packDefinition(addSearch(addHead(redoc), searchEntries(spec))));
        writeFileSync(page, html);
        return Buffer.byteLength(html);
      }),
    );
    const [bytes, localBytes] = /** @type {[number, number]} */ (sizes);
    return { bytes, localBytes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The page-weight target (docs/adr/0033); `node bench/docs/run.mjs` measures the rest. */
export const BUDGET_BYTES = 3_000_000;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, localBytes } = await build();
  console.log(`docs written to ${PAGE} (${bytes.toLocaleString('en-US')} bytes) and ${LOCAL_PAGE} (${localBytes.toLocaleString('en-US')} bytes)`);
  if (bytes > BUDGET_BYTES) console.warn(`warning: the page is over its ${BUDGET_BYTES.toLocaleString('en-US')}-byte budget (docs/adr/0033)`);
}
