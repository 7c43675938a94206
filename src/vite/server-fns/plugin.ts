import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { analyzeServerModule } from './analyze.js';
import { clientProxyModule, registryModule, workerAnnotations, type ServerModule } from './codegen.js';
import { serverFnId } from './ids.js';
import { PROXY_RUNTIME } from './runtime-paths.js';
import { scanning } from './dep-scan.js';
import { findServerModules, SERVER_MODULE } from './scan.js';

const REGISTRY_ID = 'virtual:litflare/server-fns';
const RESOLVED_REGISTRY_ID = `\0${REGISTRY_ID}`;

/**
 * Server functions at build time. In the client every `*.server.ts` module is
 * replaced by proxies (same export names) that call the Worker; none of its
 * code or imports reach the browser. In the Worker the module stays as it is,
 * each function is tagged with its id, and `virtual:litflare/server-fns` lists
 * them all for the RPC dispatcher. An export that is not an async function is
 * a build error naming the file and the export. Server modules in test
 * folders are left out of the registry unless `includeTests` (for test runners).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [serverFunctions(), cloudflare()] });
 * ```
 */
export function serverFunctions(options: { includeTests?: boolean } = {}): Plugin {
  let root = process.cwd();

  const analyze = (file: string, code: string): ServerModule => {
    const exports = analyzeServerModule(code, relative(root, file));
    return { file, exports: exports.map((fn) => ({ ...fn, id: serverFnId(root, file, fn.name) })) };
  };

  const invalidateRegistry = (server: ViteDevServer) => {
    for (const environment of Object.values(server.environments)) {
      const registry = environment.moduleGraph.getModuleById(RESOLVED_REGISTRY_ID);
      if (registry !== undefined) environment.moduleGraph.invalidateModule(registry);
    }
  };

  return {
    name: 'litflare:server-functions',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // New or deleted server modules change the registry.
      const onFile = (file: string) => {
        if (SERVER_MODULE.test(file)) invalidateRegistry(server);
      };
      server.watcher.on('add', onFile);
      server.watcher.on('unlink', onFile);
    },
    hotUpdate({ file, server }) {
      if (SERVER_MODULE.test(file)) invalidateRegistry(server);
    },
    resolveId(id, _importer, options) {
      if (id === REGISTRY_ID) return RESOLVED_REGISTRY_ID;
      // Vite's dependency scan reads sources itself: keep it out of server
      // modules, whose imports never reach the client.
      if (scanning(options) && this.environment.config.consumer === 'client' && SERVER_MODULE.test(id)) {
        return { id, external: true };
      }
      return undefined;
    },
    load(id) {
      if (id === RESOLVED_REGISTRY_ID) {
        const modules = findServerModules(root, options).map((file) => {
          this.addWatchFile(file);
          return analyze(file, readFileSync(file, 'utf8'));
        });
        return registryModule(modules);
      }
      const file = id.split('?')[0] ?? id;
      if (this.environment.config.consumer !== 'client' || !SERVER_MODULE.test(file)) return undefined;
      return clientProxyModule(analyze(file, readFileSync(file, 'utf8')), PROXY_RUNTIME);
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (this.environment.config.consumer === 'client' || !SERVER_MODULE.test(file)) return undefined;
      // Only appended: the original code keeps its positions and its source map.
      return { code: code + workerAnnotations(analyze(file, code)), map: null };
    },
  };
}
