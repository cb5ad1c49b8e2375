// Builds dist/index.html, the one-page reference: the bundled spec made readable (docs-spec.js), rendered by
// Redoc through `redocly build-docs --inlineBundle` and made self-contained (self-contained.js).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regions } from '@nimkit/client';
import { docsSpec } from './docs-spec.js';
import { buildDocs } from './redoc.js';
import { makeSelfContained } from './self-contained.js';

const require = createRequire(import.meta.url);
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const PAGE = `${DIST}index.html`;
export const DEFINITION = `${DIST}openapi.docs.json`;

export function build() {
  const spec = JSON.parse(readFileSync(require.resolve('@nimkit/spec/openapi.json'), 'utf8'));
  mkdirSync(DIST, { recursive: true });
  writeFileSync(DEFINITION, `${JSON.stringify(docsSpec(spec, { regions }), null, 2)}\n`);
  // Redoc's raw output goes to a scratch folder: dist/index.html is only ever the finished, self-contained page.
  const scratch = mkdtempSync(join(tmpdir(), 'nimkit-docs-'));
  try {
    const html = makeSelfContained(buildDocs(DEFINITION, join(scratch, 'redoc.html'), { title: spec.info.title }));
    writeFileSync(PAGE, html);
    return { bytes: Buffer.byteLength(html) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The page-weight target (docs/adr/0033); `node bench/docs/run.mjs` measures the rest. */
export const BUDGET_BYTES = 3_000_000;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes } = build();
  console.log(`docs written to ${PAGE} (${bytes.toLocaleString('en-US')} bytes)`);
  if (bytes > BUDGET_BYTES) console.warn(`warning: the page is over its ${BUDGET_BYTES.toLocaleString('en-US')}-byte budget (docs/adr/0033)`);
}
