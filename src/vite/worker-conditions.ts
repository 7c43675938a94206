import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Makes Worker environments resolve packages' `node` export condition instead
 * of `browser`. `@cloudflare/vite-plugin` resolves `workerd, worker, module,
 * browser`; Lit's `browser` build touches `document` at import time and
 * crashes in workerd, while its `node` build ships the DOM shim SSR needs.
 * Applied when the config is resolved, after every plugin has set conditions.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [cloudflare(), workerConditions()] });
 * ```
 */
export function workerConditions(): Plugin {
  return {
    name: 'litflare:worker-conditions',
    configResolved(config) {
      for (const [name, environment] of Object.entries(config.environments)) {
        if (name === 'client' || !environment.resolve.conditions.includes('workerd')) continue;
        environment.resolve.conditions = swapBrowserForNode(environment.resolve.conditions);
        patchPrebundleConditions(environment);
      }
    },
  };
}

/** Removes `browser` and adds `node`, keeping the rest in order. */
export function swapBrowserForNode(conditions: readonly string[]): string[] {
  const next = conditions.filter((condition) => condition !== 'browser');
  if (!next.includes('node')) next.push('node');
  return next;
}

type EnvironmentConfig = ResolvedConfig['environments'][string];

/** Dependency pre-bundling in `vite dev` resolves with its own condition list. */
function patchPrebundleConditions(environment: EnvironmentConfig): void {
  const rolldown = environment.optimizeDeps.rolldownOptions as
    | { resolve?: { conditionNames?: string[] } }
    | undefined;
  const names = rolldown?.resolve?.conditionNames;
  if (rolldown?.resolve !== undefined && names !== undefined) {
    rolldown.resolve.conditionNames = swapBrowserForNode(names);
  }
}
