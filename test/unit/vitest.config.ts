import { defineConfig } from 'vitest/config';
import { sourceCondition } from '../../src/vite/source-condition.js';

export default defineConfig({
  // `litflare/*` from the sources, as the app's own plugin does in the repository.
  plugins: [sourceCondition()],
  test: {
    name: 'unit',
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
