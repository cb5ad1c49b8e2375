// Type-check cost for a consumer: `tsc --noEmit` of a file calling 20 operations vs an empty project, same
// compiler options, each run several times alternately; medians of wall time.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './common.mjs';
import { listOperations, loadSpec, sampleRequest } from '@nimkit/spec-lib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

// 20 operations spread over both groups, each called with the spec's own required-fields sample body.
const spec = loadSpec();
const all = listOperations(spec);
const OPERATIONS = Array.from({ length: 20 }, (_, i) => all[Math.floor((i * all.length) / 20)])
  .map(({ group, action, op }) => `nim.${group}.${action}(${JSON.stringify(sampleRequest(spec, op))})`);

export async function runTypecheck({ runs = 7 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nimkit-typecheck-'));
  try {
    mkdirSync(join(dir, 'node_modules/@nimkit'), { recursive: true });
    symlinkSync(join(root, 'packages/client'), join(dir, 'node_modules/@nimkit/client'), 'dir');
    symlinkSync(join(root, 'node_modules/openapi-fetch'), join(dir, 'node_modules/openapi-fetch'), 'dir');
    symlinkSync(join(root, 'node_modules/openapi-typescript-helpers'), join(dir, 'node_modules/openapi-typescript-helpers'), 'dir');
    const compilerOptions = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [], skipLibCheck: true, lib: ['ES2022', 'DOM'] };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(dir, 'empty.ts'), 'export {};\n');
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { createNimClient } from '@nimkit/client';\nconst nim = createNimClient({ appKey: 'k', appSecret: 's' });\nexport async function all() {\n${OPERATIONS.map((op, i) => `  const r${i} = await ${op};\n  void r${i}.code;`).join('\n')}\n}\n`,
    );
    writeFileSync(join(dir, 'tsconfig.empty.json'), JSON.stringify({ compilerOptions, files: ['empty.ts'] }));
    writeFileSync(join(dir, 'tsconfig.consumer.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    // tsc's own "Total time" (parse, bind, check) from --extendedDiagnostics: process start-up noise left out.
    const time = (project) => {
      const out = execFileSync(process.execPath, [tsc, '-p', project, '--extendedDiagnostics'], { cwd: dir, encoding: 'utf8' }); // throws on a type error
      const total = /^Total time:\s+([\d.]+)s/m.exec(out);
      if (!total) throw new Error(`no Total time in tsc output:\n${out}`);
      return Number(total[1]) * 1000;
    };
    time('tsconfig.consumer.json'); // warm the file cache; also proves the consumer type-checks
    const empty = [];
    const consumer = [];
    for (let i = 0; i < runs; i++) {
      empty.push(time('tsconfig.empty.json'));
      consumer.push(time('tsconfig.consumer.json'));
    }
    return { emptyMs: median(empty), consumerMs: median(consumer), operations: OPERATIONS.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
