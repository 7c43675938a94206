import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { litflareTest } from 'litflare/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    litflareTest(),
    cloudflareTest({
      main: './worker/index.ts',
      wrangler: { configPath: './wrangler.toml' },
      remoteBindings: false,
    }),
  ],
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts'],
  },
});
