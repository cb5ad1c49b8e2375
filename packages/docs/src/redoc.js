// Runs `redocly build-docs --inlineBundle` (Redoc 3 inside @redocly/cli 2.77.0): one HTML file with Redoc's
// script, the prerendered page and the definition inlined, so nothing loads from a CDN.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const REDOC_CONFIG = fileURLToPath(new URL('../redocly.docs.yaml', import.meta.url));

const run = promisify(execFile);

/**
 * Renders `definitionFile` to `outputFile` and resolves to the HTML (asynchronous: several pages build at once).
 * @param {string} definitionFile
 * @param {string} outputFile
 * @param {{ title?: string, config?: string }} [options]
 */
export async function buildDocs(definitionFile, outputFile, { title, config = REDOC_CONFIG } = {}) {
  const cli = require.resolve('@redocly/cli/bin/cli.js');
  const args = [cli, 'build-docs', definitionFile, '--inlineBundle', '-o', outputFile, '--config', config];
  if (title) args.push('--title', title);
  try {
    // The CLI prints banners on stderr; show them only when it fails.
    await run(process.execPath, args, { env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = /** @type {{ stderr?: string, stdout?: string }} */ (error);
    throw new Error(`redocly build-docs failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  return readFile(outputFile, 'utf8');
}
