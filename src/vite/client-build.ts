import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { findShell } from './shell.js';

/** Lit and its labs packages: one long-lived chunk, cached across app deploys. */
const LIT = /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/;

/**
 * How litflare builds the client: from the document shell (Vite bundles its
 * module scripts and writes hashed URLs and `modulepreload` links into it),
 * with Lit in a chunk of its own, and without Vite's `modulepreload`
 * polyfill (every browser that supports declarative shadow DOM has
 * `modulepreload`).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [clientBuild({ shell: 'client/index.html' })] });
 * ```
 */
export function clientBuild(options: { shell?: string } = {}): Plugin {
  return {
    name: 'litflare:client-build',
    config(config) {
      const input = findShell(resolve(config.root ?? process.cwd()), options.shell);
      return {
        environments: {
          client: {
            build: {
              modulePreload: { polyfill: false },
              rolldownOptions: {
                input,
                output: { codeSplitting: { groups: [{ name: 'lit', test: LIT }] } },
              },
            },
          },
        },
      };
    },
  };
}
