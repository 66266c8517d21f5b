import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/noNetwork.ts'],
    // The whole suite shares two cores; files with servers run in parallel safely (port 0).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
