import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { litflareTest } from '../../src/vite/index.js';
import { defineConfig } from 'vitest/config';
import { readmeExamples } from '../support/readme-examples.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const compatibilityDate = '2026-04-26';

export default defineConfig(async () => ({
  plugins: [
    // README.md's runnable examples, written to test/readme-examples/ (see the plugin).
    readmeExamples({ readme: here('../../README.md'), outDir: here('../readme-examples') }),
    // The demo's server functions, the tests' fixtures and the README's examples.
    litflareTest({ serverDirs: ['worker', 'test/worker/fixtures', 'test/readme-examples'] }),
    cloudflareTest({
      // The demo Worker, plus the queue consumer of the test fixtures (see the entry).
      main: './test/worker/entry.ts',
      wrangler: { configPath: './wrangler.toml' },
      remoteBindings: false,
      miniflare: {
        bindings: {
          API_TOKEN: 'test-api-token',
          // Applied to DB by setup/migrations.ts before each test file.
          TEST_MIGRATIONS: await readD1Migrations(here('../../worker/migrations')),
        },
        serviceBindings: {
          GREETER: 'greeter',
          // Workers AI has no local simulator; a local service implementing run() stands in.
          AI: { name: 'ai-stand-in', entrypoint: 'AiStandIn' },
        },
        durableObjects: {
          ROOMS: { className: 'Room', scriptName: 'rooms' },
          // A WebSocket fixture in this Worker, KV-backed on purpose (fixtures/echo-server.ts).
          ECHO: { className: 'EchoServer', useSQLite: false },
        },
        queueProducers: { JOBS: { queueName: 'litflare-test-jobs' } },
        queueConsumers: { 'litflare-test-jobs': { maxBatchTimeout: 0.05, maxRetries: 3 } },
        workers: [
          { name: 'greeter', modules: true, scriptPath: here('services/greeter.js'), compatibilityDate },
          { name: 'ai-stand-in', modules: true, scriptPath: here('services/ai-stand-in.js'), compatibilityDate },
          { name: 'rooms', modules: true, scriptPath: here('services/rooms.js'), compatibilityDate },
        ],
      },
    }),
  ],
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts', 'test/readme-examples/**/*.test.ts'],
    setupFiles: ['./test/worker/setup/migrations.ts'],
  },
}));
