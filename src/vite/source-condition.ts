import type { Plugin } from 'vite';
import { RUNS_FROM_SOURCES } from './runtime-paths.js';

/**
 * The export condition under which `litflare/*` resolves to the framework's
 * TypeScript sources (`src/`) instead of its compiled output (`lib/`).
 */
const SOURCE_CONDITION = 'litflare-source';

/**
 * Makes every environment resolve `litflare/*` the way this plugin itself was
 * loaded: from the sources inside the litflare repository, so the demo, tests
 * and benchmarks need no build step and never mix two copies of the framework;
 * a no-op in an app that installed litflare from npm.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [sourceCondition()] });
 * ```
 */
export function sourceCondition(): Plugin {
  return {
    name: 'litflare:source-condition',
    configResolved(config) {
      if (!RUNS_FROM_SOURCES) return;
      config.resolve.conditions = withSourceCondition(config.resolve.conditions);
      for (const environment of Object.values(config.environments)) {
        environment.resolve.conditions = withSourceCondition(environment.resolve.conditions);
      }
    },
  };
}

/** `litflare-source` first, then the rest in order. */
function withSourceCondition(conditions: readonly string[]): string[] {
  return [SOURCE_CONDITION, ...conditions.filter((condition) => condition !== SOURCE_CONDITION)];
}
