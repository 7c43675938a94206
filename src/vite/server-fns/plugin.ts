import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { analyzeServerModule } from './analyze.js';
import { clientProxyModule, registryModule, workerAnnotations, type ServerModule } from './codegen.js';
import { serverFnId } from './ids.js';
import { PROXY_RUNTIME } from '../runtime-paths.js';
import { scanning } from './dep-scan.js';
import { DEFAULT_SERVER_DIRS, findServerModules, isAppServerModule, SERVER_MODULE, serverDirPaths } from './scan.js';

const REGISTRY_ID = 'virtual:litflare/server-fns';
const RESOLVED_REGISTRY_ID = `\0${REGISTRY_ID}`;

/**
 * Server functions at build time. The app's server functions are the
 * `*.server.ts` modules in its server folders (`serverDirs`, default
 * `['worker']`; test folders inside them excepted), and only those: in the
 * client each is replaced by proxies (same export names) that call the Worker,
 * so none of its code or imports reach the browser; in the Worker it stays as
 * it is, each function is tagged with its id, and `virtual:litflare/server-fns`
 * lists them all for the RPC dispatcher. Importing a `*.server.ts` module from
 * anywhere else, or exporting something other than an async function from
 * one, is a build error naming the file.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [serverFunctions({ serverDirs: ['worker', 'server'] }), cloudflare()] });
 * ```
 */
export function serverFunctions(options: { serverDirs?: readonly string[] } = {}): Plugin {
  let root = process.cwd();
  let dirs = serverDirPaths(root, options.serverDirs);

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
      dirs = serverDirPaths(root, options.serverDirs);
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
        const modules = findServerModules(dirs).map((file) => {
          this.addWatchFile(file);
          return analyze(file, readFileSync(file, 'utf8'));
        });
        return registryModule(modules);
      }
      const file = id.split('?')[0] ?? id;
      if (this.environment.config.consumer !== 'client' || !SERVER_MODULE.test(file)) return undefined;
      if (!isAppServerModule(file, dirs)) this.error(outsideServerDirs(relative(root, file), options.serverDirs));
      return clientProxyModule(analyze(file, readFileSync(file, 'utf8')), PROXY_RUNTIME);
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (this.environment.config.consumer === 'client' || !SERVER_MODULE.test(file)) return undefined;
      if (!isAppServerModule(file, dirs)) this.error(outsideServerDirs(relative(root, file), options.serverDirs));
      // Only appended: the original code keeps its positions and its source map.
      return { code: code + workerAnnotations(analyze(file, code)), map: null };
    },
  };
}

function outsideServerDirs(file: string, serverDirs: readonly string[] = DEFAULT_SERVER_DIRS): string {
  return (
    `litflare: ${file} is a server module (*.server.ts) outside the app's server folders ` +
    `(${serverDirs.map((dir) => `${dir}/`).join(', ')}, test folders excepted), so its functions are not served. ` +
    'Move it into one of them, or add its folder to `serverDirs` in litflare({ serverDirs }).'
  );
}
