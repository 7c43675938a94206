import { defineConfig } from 'vitest/config';
import { sourceCondition } from '../../src/vite/source-condition.js';

export default defineConfig({
  // `litflare/*` from the sources, as the app's own plugin does in the repository.
  plugins: [sourceCondition()],
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
