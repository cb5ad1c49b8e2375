// Builds dist/index.html: the bundled spec plus generated code samples and status table, rendered by Redoc
// (@redocly/cli build-docs --inlineBundle, so the page loads nothing from a CDN).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { listOperations } from '../../../tools/lib/spec.mjs';
import { codeSamples } from './code-samples.js';
import { statusCodeTable } from './status-table.js';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export function docsSpec(spec) {
  const out = structuredClone(spec);
  out.info.description = `${out.info.description.trim()}\n\n${statusCodeTable(spec)}\n`;
  for (const o of listOperations(out)) o.op['x-codeSamples'] = codeSamples(spec, o);
  return out;
}

const spec = JSON.parse(readFileSync(require.resolve('@nimkit/spec/openapi.json'), 'utf8'));
mkdirSync(dist, { recursive: true });
const input = `${dist}openapi.docs.json`;
writeFileSync(input, JSON.stringify(docsSpec(spec), null, 2));
const redocly = require.resolve('@redocly/cli/bin/cli.js');
execFileSync(
  process.execPath,
  [redocly, 'build-docs', input, '--inlineBundle', '-o', `${dist}index.html`, '--config', fileURLToPath(new URL('../redocly.docs.yaml', import.meta.url)), '--title', spec.info.title],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`docs written to ${dist}index.html`);
