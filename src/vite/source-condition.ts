import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The export condition under which `litflare/*` resolves to the framework's
 * TypeScript sources (`src/`) instead of its compiled output (`lib/`).
 */
export const SOURCE_CONDITION = 'litflare-source';

/**
 * True when litflare runs from its TypeScript sources (inside its repository),
 * false when from the installed package's compiled files.
 *
 * @example
 * ```ts
 * if (!RUNS_FROM_SOURCES) config.optimizeDeps = { exclude: ['litflare'] };
 * ```
 */
export const RUNS_FROM_SOURCES = extname(fileURLToPath(import.meta.url)) === '.ts';

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
export function withSourceCondition(conditions: readonly string[]): string[] {
  return [SOURCE_CONDITION, ...conditions.filter((condition) => condition !== SOURCE_CONDITION)];
}
