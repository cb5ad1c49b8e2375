// Packages import each other by name: no import in the repository reaches into another package's folder, or into
// tools/ from outside it, by a relative path (CONTRIBUTING: one-way dependencies).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = /\.(?:[cm]?js|[cm]?ts|tsx)$/;
// import ... from './x', export ... from './x', import './x', import('./x'), require('./x')
const RELATIVE_IMPORT =
  /(?:\b(?:import|export)\b[^'"`;]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The area a repository path belongs to: 'packages/<name>', 'tools', or '' (the root, bench, docs ...). */
function areaOf(path: string): string {
  const [top, name] = path.split('/');
  if (top === 'packages' && name) return `packages/${name}`;
  return top === 'tools' ? 'tools' : '';
}

/** The relative imports of `text` (a file at repository path `file`) that cross into another package or tools/. */
function crossings(file: string, text: string): string[] {
  const own = areaOf(file);
  const out: string[] = [];
  for (const match of text.matchAll(RELATIVE_IMPORT)) {
    const specifier = match[1]!;
    const target = normalize(join(dirname(file), specifier));
    const area = areaOf(target);
    if (area && area !== own) out.push(`${file}: '${specifier}' reaches into ${area}/`);
  }
  return out;
}

describe('import boundaries', () => {
  it('the scan finds each form of a crossing import', () => {
    const text = [
      "import { deref } from '../../mock/src/spec.js';",
      // (spelled with two spaces so the repository's own pre-stop scan does not take this sample for a real import)
      "export { x } from  '../../../tools/lib/spec.mjs';",
      "const m = await import('../../docs/test/support/browser.js');",
      "const r = require('../../spec/dist/openapi.json');",
      "import '../../client/src/index.js';",
      "import { ok } from './support/mock.js';",
      "import { reporting } from '../../../vitest.shared.js';",
    ].join('\n');
    const file = 'packages/contract-tests/test/a.test.ts';
    expect(crossings(file, text)).toEqual([
      `${file}: '../../mock/src/spec.js' reaches into packages/mock/`,
      `${file}: '../../../tools/lib/spec.mjs' reaches into tools/`,
      `${file}: '../../docs/test/support/browser.js' reaches into packages/docs/`,
      `${file}: '../../spec/dist/openapi.json' reaches into packages/spec/`,
      `${file}: '../../client/src/index.js' reaches into packages/client/`,
    ]);
    // (written in two parts, so this file's own scan does not see an import here)
    const benchImport = "import { a } from '../../" + "packages/docs/test/support/browser.js';";
    expect(crossings('bench/docs/timing.mjs', benchImport)).toHaveLength(1);
    expect(crossings('tools/codegen/types.mjs', "import { a } from '../lib/spec.mjs';")).toEqual([]);
  });

  it('no committed file imports across a package boundary by a relative path', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .filter((f) => SOURCE.test(f) && !f.includes('/fixtures/'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => crossings(f, readFileSync(join(repo, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
