import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/noNetwork.ts'],
    // The whole suite shares two cores; files with servers run in parallel safely (port 0).
    testTimeout: 30_000,
    // the JSON report lets .ci/run print a plain "N passed, N failed" line
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
    hookTimeout: 30_000,
  },
});
