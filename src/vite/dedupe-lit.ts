import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The packages litflare and the app must share one copy of: Lit (its
 * elements register themselves, and its renderer and hydration read each
 * other's private fields), Lit's SSR packages and the DOM shim they patch,
 * and parse5, which `@lit-labs/ssr` hands its parsed templates.
 */
export const SHARED_PACKAGES = [
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  '@lit-labs/ssr',
  '@lit-labs/ssr-client',
  '@lit-labs/ssr-dom-shim',
  'parse5',
] as const;

/**
 * One copy of Lit in every environment (the client and the Worker). A litflare
 * that is linked rather than installed (`npm link`, a `file:` folder) keeps
 * its own `node_modules`, so its `import 'lit'` would find a second Lit beside
 * the app's: two registries of elements, and the page's elements never
 * hydrate. Vite's `resolve.dedupe` resolves these imports from the app's root
 * instead, for every package of {@link SHARED_PACKAGES} the app has (one it
 * lacks, such as `@lit-labs/ssr` beside a linked litflare, has one copy anyway).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [dedupeLit()] });
 * ```
 */
export function dedupeLit(): Plugin {
  let dedupe: string[] = [];
  return {
    name: 'litflare:dedupe-lit',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      dedupe = SHARED_PACKAGES.filter((name) => installedAbove(root, name));
      return { resolve: { dedupe } };
    },
    // Environments inherit the top-level `resolve`, unless a plugin gives one its own.
    configEnvironment() {
      return { resolve: { dedupe } };
    },
  };
}

/** True when `name` is in a `node_modules` folder of `dir` or one above it, as Node would find it. */
function installedAbove(dir: string, name: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules', name, 'package.json'))) return true;
    if (dirname(current) === current) return false;
  }
}
