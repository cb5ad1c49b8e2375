#!/usr/bin/env node
// Fails unless `turbo run build` on the current tree would be a full cache hit (run it after a build).
import { execFileSync } from 'node:child_process';

const out = execFileSync('npx', ['turbo', 'run', 'build', '--dry=json'], {
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
/** @type {{ taskId: string, command: string, cache: { status: string } }[]} */
const tasks = JSON.parse(out).tasks.filter((/** @type {{ command: string }} */ t) => t.command !== '<NONEXISTENT>');
const missed = tasks.filter((t) => t.cache.status !== 'HIT').map((t) => t.taskId);
if (missed.length) {
  console.error(`turbo cache: ${missed.length} of ${tasks.length} build tasks would run again: ${missed.join(', ')}`);
  process.exit(1);
}
console.log(`turbo cache: all ${tasks.length} build tasks are cache hits on an unchanged tree`);
