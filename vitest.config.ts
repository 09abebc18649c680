import { defineConfig } from 'vitest/config';

// Unit, database (PGlite, or a real server with TEST_DATABASE_URL) and API tests.
// Browser journeys live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['src/platform/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
