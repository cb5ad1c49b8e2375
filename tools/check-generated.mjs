#!/usr/bin/env node
// The drift check: regenerates every generated file in memory and fails (exit 1, naming each file) when a committed
// one differs. `npm test` runs it right after bundling the spec, before any task regenerates files.
//   node tools/check-generated.mjs [--root <dir>]   compare the files under <dir> (default: this repository)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@nimkit/spec-lib';
import { generatedArtefacts } from './generated.mjs';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? resolve(args[rootArg + 1] ?? '.') : fileURLToPath(new URL('..', import.meta.url));

const artefacts = await generatedArtefacts(loadSpec());
const stale = [];
for (const { file, refresh, produce } of artefacts) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current !== produce(current)) stale.push(`${file}  (${current === undefined ? 'missing; ' : ''}run \`${refresh}\`)`);
}
if (stale.length) {
  console.error(`generated files differ from what the spec produces (regenerate and commit):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(`generated files up to date (${artefacts.length})`);
