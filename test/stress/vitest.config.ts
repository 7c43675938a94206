import { defineConfig } from 'vitest/config';
import { sourceCondition } from '../../src/vite/source-condition.js';

// npm run test:stress: the long runs, against the stress app built and served
// on loopback. Bounded: each phase has a size and a time limit, and the whole
// run is stopped after STRESS_DEADLINE_MS (see setup/stress-app.ts).
export default defineConfig({
  // `litflare/*` from the sources, as the app's own plugin does in the repository.
  plugins: [sourceCondition()],
  test: {
    name: 'stress',
    include: ['test/stress/**/*.stress.ts'],
    environment: 'node',
    globalSetup: ['test/stress/setup/stress-app.ts'],
    fileParallelism: false,
    testTimeout: 400_000,
    hookTimeout: 120_000,
  },
});
