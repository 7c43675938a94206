import type { Plugin } from 'vite';
import { dedupeLit } from './dedupe-lit.js';
import { quietLitDevMode } from './quiet-lit.js';
import { quietWorkerdTeardown } from './quiet-workerd.js';
import { serverFunctions } from './server-fns/index.js';
import { documentShell } from './shell.js';
import { sourceCondition } from './source-condition.js';
import { swapBrowserForNode } from './worker-conditions.js';

/**
 * Options of {@link litflareTest}.
 *
 * @example
 * ```ts
 * const options: LitflareTestOptions = { shell: 'client/index.html', serverDirs: ['worker', 'test/fixtures'] };
 * ```
 */
export interface LitflareTestOptions {
  /** The document shell, relative to the Vite root. @default 'index.html', else 'client/index.html' */
  shell?: string;
  /** The folders whose `*.server.ts` modules are served: the app's, plus the tests' own fixture folders. @default ['worker'] */
  serverDirs?: readonly string[];
}

/**
 * The parts of `litflare()` a test runner needs, without
 * `@cloudflare/vite-plugin`: put it beside `cloudflareTest()` from
 * `@cloudflare/vitest-pool-workers` to run a litflare Worker's own modules in
 * workerd under Vitest. It gives the Worker its `index.html` shell and its
 * server functions, and makes Lit resolve its server (`node`) build, which the
 * pool's `browser` condition would otherwise replace with the DOM build.
 * `serverDirs` are the folders whose `*.server.ts` modules are served: the
 * app's (default `['worker']`) plus the tests' own fixture folders, if any.
 * It keeps two lines nobody caused off the test output: Lit's "dev mode"
 * notice, and the one workerd logs as the pool shuts it down.
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
export function litflareTest(options: LitflareTestOptions = {}): Plugin[] {
  if (process.env.VITEST !== undefined) quietWorkerdTeardown();
  return [
    sourceCondition(),
    dedupeLit(),
    quietLitDevMode(),
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
