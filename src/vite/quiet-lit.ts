import type { Plugin } from 'vite';

// Lit's development build announces itself once per realm, in a microtask
// after it loads; `litIssuedWarnings` is Lit's own switch to silence one of its
// warnings by code (https://lit.dev/msg/dev-mode).
const NOTICE = 'Lit is in dev mode';
const SILENCE = "(globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');";

/**
 * Silences Lit's "Lit is in dev mode. Not recommended for production!" notice
 * in development and tests, where it is expected, in the Worker (where it
 * reached the terminal on every start and test run) and in the browser: the
 * module of Lit's development build that issues it first marks it as issued.
 * Lit's other development warnings stay. Production builds use Lit's
 * production build, which has no such notice.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [quietLitDevMode()] });
 * ```
 */
export function quietLitDevMode(): Plugin {
  return {
    name: 'litflare:quiet-lit-dev-mode',
    transform: {
      filter: { code: NOTICE },
      handler(code) {
        // On the first line, so every other line keeps its number (and its source map).
        return { code: SILENCE + code, map: null };
      },
    },
  };
}
