#!/usr/bin/env node
// Writes packages/spec/postman/* (the Postman/Apifox collection and environments) from the bundled spec
// (`npm run generate` runs it; tools/check-generated.mjs checks the committed files).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@nimkit/spec-lib';
import { collectionFiles } from './postman.mjs';

const outDir = fileURLToPath(new URL('../../packages/spec/postman/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(collectionFiles(loadSpec()))) writeFileSync(join(outDir, name), text);
