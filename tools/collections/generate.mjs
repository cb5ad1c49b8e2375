#!/usr/bin/env node
// Writes packages/spec/postman/* (the Postman/Apifox collection and environments) from the bundled spec.
//   node tools/collections/generate.mjs          write the files
//   node tools/collections/generate.mjs --check  fail (exit 1) when a committed file differs (drift check)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../lib/spec.mjs';
import { collectionFiles } from './postman.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = join(root, 'packages/spec/postman');

const check = process.argv.includes('--check');
const stale = [];
for (const [name, text] of Object.entries(collectionFiles(loadSpec()))) {
  const file = join(OUT_DIR, name);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(relative(root, file));
  } else {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(file, text);
  }
}
if (stale.length) {
  console.error(`stale generated files (run \`npm run generate\` and commit): ${stale.join(', ')}`);
  process.exit(1);
}
