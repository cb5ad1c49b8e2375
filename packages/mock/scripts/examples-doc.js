// Writes EXAMPLES.md (every example name per operation) from the bundled spec; tools/check-generated.mjs checks it.
//   node scripts/examples-doc.js
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderExamplesDoc } from '../src/examples-doc.js';
import { loadSpec } from '../src/spec.js';

writeFileSync(fileURLToPath(new URL('../EXAMPLES.md', import.meta.url)), renderExamplesDoc(loadSpec()));
console.log('wrote packages/mock/EXAMPLES.md');
