#!/usr/bin/env node
// Runs every benchmark in turn (after `npm run build`): client, mock, docs. Each prints ratios against a baseline
// measured in the same run; pass --record to also write the figures into the packages' READMEs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const record = process.argv.includes('--record') ? ['--record'] : [];
const benches = [
  ['client', ['--expose-gc', 'bench/client/run.mjs', ...record]],
  ['mock', ['bench/mock/run.mjs', ...record]],
  ['docs', ['bench/docs/run.mjs']],
];
const cwd = fileURLToPath(new URL('..', import.meta.url));
let failed = 0;
for (const [name, args] of benches) {
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
