import { defineConfig } from 'vitest/config';

/** Browser checks of the HTML report in Debian's Chromium (`npm run test:browser`). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
