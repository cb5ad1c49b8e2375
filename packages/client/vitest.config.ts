import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...reporting,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own loopback servers on port 0. Files run one at a time: several suites (runtimes,
    // packaging) spawn processes of their own, and turbo runs other packages' tests alongside on a 2-core machine.
    pool: 'forks',
    fileParallelism: false,
  },
});
