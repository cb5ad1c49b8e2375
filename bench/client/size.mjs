// Bundle size a consumer pays: esbuild (minify, ESM, platform neutral) of small consumer entries over the built
// package, then gzip -9. The core runtime is the facade without validators; the validators are reported apart.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../packages/client/', import.meta.url));

const entries = {
  'core runtime (createNimClient + NimApiError from /core)': `import { createNimClient, NimApiError } from './dist/core.js'; globalThis.x = [createNimClient, NimApiError];`,
  'core, every export (raw client, callbacks, tables)': `import * as all from './dist/core.js'; globalThis.x = all;`,
  'default entry (createNimClient with validators)': `import { createNimClient, NimApiError } from './dist/index.js'; globalThis.x = [createNimClient, NimApiError];`,
};

export async function runSize() {
  const out = {};
  for (const [name, contents] of Object.entries(entries)) {
    const result = await build({
      stdin: { contents, resolveDir: pkg, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    out[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  const [core, , full] = Object.values(out);
  out['validators alone (default entry minus core runtime)'] = { min: full.min - core.min, gzip: full.gzip - core.gzip };
  return out;
}
