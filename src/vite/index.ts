import { cloudflare, type PluginConfig } from '@cloudflare/vite-plugin';
import type { PluginOption } from 'vite';
import { clientFirst } from './build-order.js';
import { clientBuild } from './client-build.js';
import { clientDeps } from './client-deps.js';
import { d1Migrations } from './d1-migrations.js';
import { dedupeLit } from './dedupe-lit.js';
import { devErrors } from './dev-errors/index.js';
import { durableObjectExports } from './durable-objects.js';
import { quietLitDevMode } from './quiet-lit.js';
import { requestPaths } from './request-paths.js';
import { documentShell } from './shell.js';
import { staticHeaders } from './static-headers.js';
import { prerender } from './prerender/prerender-plugin.js';
import { serverFunctions, serverOnlyGuard } from './server-fns/index.js';
import { sourceCondition } from './source-condition.js';
import { withLitflareDefaults } from './worker-config.js';
import { workerConditions } from './worker-conditions.js';

/**
 * Options for {@link litflare}.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [litflare({ shell: 'client/index.html', serverDirs: ['worker'] })] });
 * ```
 */
export interface LitflareOptions {
  /** The document shell, relative to the Vite root. @default 'index.html', else 'client/index.html' */
  shell?: string;
  /**
   * The app's server folders: the `*.server.ts` modules in them (test folders
   * excepted) are its server functions, and nowhere else; the rest of their
   * code is Worker-only, which client code may not import. @default ['worker']
   */
  serverDirs?: readonly string[];
  /**
   * Passed to `@cloudflare/vite-plugin`. Bindings stay local: `remoteBindings`
   * defaults to `false`.
   */
  cloudflare?: PluginConfig;
}

/**
 * The litflare Vite plugin: runs the Worker in workerd during `vite dev`
 * (through `@cloudflare/vite-plugin`, after applying D1 migrations to the
 * local databases, and shows SSR, server function and hydration errors in
 * Vite's error overlay with source-mapped stacks), builds the client and then the Worker
 * in `vite build`, resolves Lit's server build inside the Worker and one copy
 * of Lit everywhere (also when litflare is linked), gives the
 * Worker the app's `index.html` shell, and fails the build when the Worker entry
 * does not export a Durable Object class the Wrangler config needs.
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import { litflare } from 'litflare/vite';
 *
 * export default defineConfig({ plugins: [litflare()] });
 * ```
 */
export function litflare(options: LitflareOptions = {}): PluginOption[] {
  keepTelemetryOff();
  return [
    sourceCondition(),
    dedupeLit(),
    clientDeps(),
    clientFirst(),
    clientBuild({ shell: options.shell }),
    staticHeaders(),
    documentShell({ file: options.shell }),
    serverFunctions({ serverDirs: options.serverDirs }),
    serverOnlyGuard({ serverDirs: options.serverDirs }),
    devErrors(),
    quietLitDevMode(),
    d1Migrations({ configPath: options.cloudflare?.configPath, persistState: options.cloudflare?.persistState }),
    // Before the Cloudflare plugin, whose middleware builds the Worker's URL from the path.
    requestPaths(),
    cloudflare({
      remoteBindings: false,
      ...options.cloudflare,
      config: withLitflareDefaults(options.cloudflare?.config),
    }),
    workerConditions(),
    durableObjectExports({ configPath: options.cloudflare?.configPath, environment: options.cloudflare?.viteEnvironment?.name }),
    prerender(),
  ];
}

/** Nothing in a litflare project phones home unless the developer opts in. */
function keepTelemetryOff(): void {
  process.env.WRANGLER_SEND_METRICS ??= 'false';
  process.env.WRANGLER_SEND_ERROR_REPORTS ??= 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  // Wrangler's banner asks the npm registry for a newer version.
  process.env.WRANGLER_HIDE_BANNER ??= 'true';
}

export { litflareTest, type LitflareTestOptions } from './test.js';
