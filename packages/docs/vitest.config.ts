import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...reporting,
    include: ['test/**/*.test.ts'],
    // The browser walk over every operation and the TypeScript check of every sample take a while on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Chromium, Prism and tsc each want a core: one file at a time keeps timings sane on small machines.
    fileParallelism: false,
  },
});
