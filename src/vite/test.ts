import type { Plugin } from 'vite';
import { serverFunctions } from './server-fns/index.js';
import { documentShell } from './shell.js';
import { sourceCondition } from './source-condition.js';
import { swapBrowserForNode } from './worker-conditions.js';

/**
 * The parts of {@link litflare} a test runner needs, without
 * `@cloudflare/vite-plugin`: put it beside `cloudflareTest()` from
 * `@cloudflare/vitest-pool-workers` to run a litflare Worker's own modules in
 * workerd under Vitest. It gives the Worker its `index.html` shell and its
 * server functions, and makes Lit resolve its server (`node`) build, which the
 * pool's `browser` condition would otherwise replace with the DOM build.
 * `serverDirs` are the folders whose `*.server.ts` modules are served: the
 * app's (default `['worker']`) plus the tests' own fixture folders, if any.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
 * import { litflareTest } from 'litflare/vite';
 *
 * export default defineConfig({
 *   plugins: [
 *     litflareTest({ serverDirs: ['worker', 'test/fixtures'] }),
 *     cloudflareTest({ main: './worker/index.ts', wrangler: { configPath: './wrangler.toml' } }),
 *   ],
 * });
 * ```
 */
export function litflareTest(options: { shell?: string; serverDirs?: readonly string[] } = {}): Plugin[] {
  return [
    sourceCondition(),
    documentShell({ file: options.shell }),
    serverFunctions({ serverDirs: options.serverDirs }),
    {
      name: 'litflare:test-conditions',
      configResolved(config) {
        const conditions = config.resolve.conditions;
        config.resolve.conditions = swapBrowserForNode(conditions);
        for (const environment of Object.values(config.environments)) {
          environment.resolve.conditions = swapBrowserForNode(environment.resolve.conditions);
        }
      },
    },
  ];
}
