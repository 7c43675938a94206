import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/setup/built-app.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One browser and one server: run files one after another.
    fileParallelism: false,
  },
});
