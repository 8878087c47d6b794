import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // In CI a failed test is tried once more, so one slow moment on a loaded machine does not fail
    // the run; .ci/run lists every test that passed only then, so flakiness is seen and fixed.
    retry: process.env.CI ? 1 : 0,
  },
});
