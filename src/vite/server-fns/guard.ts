import { relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { WORKER_LAYER } from '../runtime-paths.js';
import { scanning } from './dep-scan.js';
import { SERVER_MODULE } from './scan.js';

/**
 * Fails the client build (and shows the error in `vite dev`) when client code
 * imports server-only code: `litflare/worker`, `litflare/durable-object`, `cloudflare:*` modules, or a
 * module in the app's server folders (default `worker/`) that is not a
 * `*.server.ts` module. The message names the whole import chain.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [serverOnlyGuard({ serverDirs: ['worker', 'server'] })] });
 * ```
 */
export function serverOnlyGuard(options: { serverDirs?: readonly string[] } = {}): Plugin {
  let root = process.cwd();
  let dirs: string[] = [];
  // Who first imported each module: the chain in the error message.
  const importedBy = new Map<string, string>();
  const isServerOnly = (id: string) =>
    !SERVER_MODULE.test(id) && [WORKER_LAYER + sep, ...dirs].some((dir) => id.startsWith(dir));

  return {
    name: 'litflare:server-only-guard',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      dirs = (options.serverDirs ?? ['worker']).map((dir) => resolve(root, dir) + sep);
    },
    async resolveId(source, importer, resolveOptions) {
      // A server module's own imports never reach the client (it is replaced by
      // proxies), and Vite's dependency scan is a best-effort crawl, not the bundle.
      if (this.environment.config.consumer !== 'client' || importer === undefined || SERVER_MODULE.test(importer)) return undefined;
      if (scanning(resolveOptions)) return undefined;
      if (source === 'litflare/worker' || source === 'litflare/durable-object' || source.startsWith('cloudflare:')) {
        this.error(message(source, importChain(importedBy, importer, root)));
      }
      if (!source.startsWith('.') && !source.startsWith('/')) return undefined;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (resolved === null) return null;
      const id = resolved.id.split('?')[0] ?? resolved.id;
      if (isServerOnly(id)) this.error(message(relative(root, id), importChain(importedBy, importer, root)));
      if (!importedBy.has(id)) importedBy.set(id, importer);
      return resolved;
    },
  };
}

/** The importers from an entry down to `importer`, as project-relative paths. */
function importChain(importedBy: Map<string, string>, importer: string, root: string): string[] {
  const chain = [importer.split('?')[0] ?? importer];
  for (let parent = importedBy.get(chain[0]!); parent !== undefined && !chain.includes(parent); parent = importedBy.get(parent)) {
    chain.unshift(parent);
  }
  return chain.map((id) => (id.startsWith(root) ? relative(root, id) : id));
}

function message(target: string, chain: string[]): string {
  return (
    `litflare: client code imports server-only code:\n` +
    [...chain, target].map((step, i) => `  ${i === 0 ? '' : '→ '}${step}`).join('\n') +
    `\n${target} runs only in the Worker. Client code may import server code only from *.server.ts modules ` +
    '(they become RPC proxies); move what both sides need out of the server folder.'
  );
}
