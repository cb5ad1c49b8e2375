import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...reporting,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts its own servers on free loopback ports; files run in parallel on the 2 cores.
    pool: 'forks',
    // The load suite compares heap sizes after a full GC.
    execArgv: ['--expose-gc'],
  },
});
