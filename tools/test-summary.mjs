#!/usr/bin/env node
// The closing line of `npm test`: every vitest JSON report (each package's and the repository's own tests under
// tools/) summed ("tests: N passed, N failed").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = [...readdirSync(`${root}packages`).map((name) => [name, `packages/${name}`]), ['tools', 'tools']];
let passed = 0;
let failed = 0;
const parts = [];
for (const [name, dir] of suites) {
  const report = `${root}${dir}/test-results/vitest.json`;
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  parts.push(`${name} ${r.numPassedTests}`);
}
if (!parts.length) {
  console.error('test summary: no vitest reports found (run the tests first)');
  process.exit(1);
}
console.log(`(${parts.join(', ')})`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
