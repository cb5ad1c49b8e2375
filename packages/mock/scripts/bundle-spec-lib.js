// The mock reads its spec with @nimkit/spec-lib, a private workspace package that is never published: `npm pack`
// ships a copy inside the tarball (bundleDependencies). npm does not bundle a workspace's hoisted link, so prepack
// copies the library into this package's own node_modules and postpack (`--clean`) removes the copy again.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../node_modules/@nimkit/spec-lib/', import.meta.url));
rmSync(target, { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const source = dirname(createRequire(import.meta.url).resolve('@nimkit/spec-lib/package.json'));
  cpSync(`${source}/package.json`, `${target}package.json`);
  cpSync(`${source}/src`, `${target}src`, { recursive: true });
  console.log('bundled @nimkit/spec-lib into packages/mock/node_modules for npm pack');
}
