// Writes EXAMPLES.md (every example name per operation) from the bundled spec; `--check` fails when it is stale.
//   node scripts/examples-doc.js [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderExamplesDoc } from '../src/examples-doc.js';
import { loadSpec } from '../src/spec.js';

const target = fileURLToPath(new URL('../EXAMPLES.md', import.meta.url));
const expected = renderExamplesDoc(loadSpec());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== expected) {
    console.error('packages/mock/EXAMPLES.md is stale: run `npm run examples -w @nimkit/mock` and commit it.');
    process.exit(1);
  }
  console.log('packages/mock/EXAMPLES.md is up to date');
} else {
  writeFileSync(target, expected);
  console.log('wrote packages/mock/EXAMPLES.md');
}
