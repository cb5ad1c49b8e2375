// Runs `redocly build-docs --inlineBundle` (Redoc 3 inside @redocly/cli 2.77.0): one HTML file with Redoc's
// script, the prerendered page and the definition inlined, so nothing loads from a CDN.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const REDOC_CONFIG = fileURLToPath(new URL('../redocly.docs.yaml', import.meta.url));

/**
 * Renders `definitionFile` to `outputFile` and returns the HTML.
 * @param {string} definitionFile
 * @param {string} outputFile
 * @param {{ title?: string, config?: string }} [options]
 */
export function buildDocs(definitionFile, outputFile, { title, config = REDOC_CONFIG } = {}) {
  const cli = require.resolve('@redocly/cli/bin/cli.js');
  const args = [cli, 'build-docs', definitionFile, '--inlineBundle', '-o', outputFile, '--config', config];
  if (title) args.push('--title', title);
  try {
    // The CLI prints banners on stderr; show them only when it fails.
    execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  } catch (error) {
    const e = /** @type {{ stderr?: Buffer, stdout?: Buffer }} */ (error);
    throw new Error(`redocly build-docs failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  return readFileSync(outputFile, 'utf8');
}
