// Settings every package's vitest config shares: a JSON report per package, summed by tools/test-summary.mjs into
// the one closing line of `npm test`.
export const reporting = {
  reporters: ['default', 'json'],
  outputFile: { json: 'test-results/vitest.json' },
};
