// Ships the bundled spec inside the package, so `npx @nimkit/mock` works with no other files.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
mkdirSync(new URL('../spec/', import.meta.url), { recursive: true });
copyFileSync(require.resolve('@nimkit/spec/openapi.json'), new URL('../spec/openapi.json', import.meta.url));
console.log('copied the bundled spec to packages/mock/spec/openapi.json');
