import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'types',
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: 'worker/tsconfig.json',
    },
  },
});
