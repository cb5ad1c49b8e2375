import { defineConfig } from 'vitest/config';
import { reporting } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    ...reporting,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts its own mocks on free loopback ports (and the CLI tests child processes): files run in
    // separate processes, so json-schema-faker's process-global state never crosses files.
    pool: 'forks',
  },
});
