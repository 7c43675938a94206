import type { Plugin } from 'vite';
import { RUNS_FROM_SOURCES } from './runtime-paths.js';

/**
 * One copy of litflare in the browser during `vite dev`. The proxies that
 * replace `*.server.ts` modules import litflare's RPC runtime by file path; if
 * Vite also pre-bundled `litflare` and `litflare/client`, the app would get a
 * second copy of the runtime's state (`configureRpc`, `withRpc`). So litflare
 * is served file by file, and only its own dependencies are pre-bundled.
 * Nothing to do inside litflare's repository, where litflare is not a dependency.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [clientDeps()] });
 * ```
 */
export function clientDeps(): Plugin {
  return {
    name: 'litflare:client-deps',
    config() {
      if (RUNS_FROM_SOURCES) return undefined;
      return {
        optimizeDeps: {
          exclude: ['litflare'],
          include: ['litflare > devalue', 'litflare > partysocket/ws', 'litflare > @lit-labs/ssr-client/lit-element-hydrate-support.js'],
        },
      };
    },
  };
}
