import { defineConfig } from 'tsup';

// ESM + CJS + .d.ts/.d.cts for both entries. Dependencies other than openapi-fetch (the hash helper) are bundled.
export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
  sourcemap: false,
  treeshake: true,
});
