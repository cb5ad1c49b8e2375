// Tests of the repository itself (the drift check, import boundaries, the documented layout), run by `npm test`
// outside turbo so they always see the current tree.
import { defineConfig } from 'vitest/config';
import { reporting } from '../vitest.shared.js';

export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    ...reporting,
  },
});
