import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { litflareTest } from 'litflare/vite';
import { defineConfig } from 'vitest/config';

// The tests run inside workerd, with a local D1 database that test/setup.ts migrates.
export default defineConfig(async () => ({
  plugins: [
    litflareTest(),
    cloudflareTest({
      main: './worker/index.ts',
      wrangler: { configPath: './wrangler.toml' },
      remoteBindings: false,
      miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') } },
    }),
  ],
  test: { setupFiles: ['./test/setup.ts'] },
}));
