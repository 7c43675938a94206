import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

const SHELL_ID = 'virtual:litflare/shell';
const RESOLVED_SHELL_ID = `\0${SHELL_ID}`;

/**
 * Provides `virtual:litflare/shell`: the app's `index.html` as the Worker
 * renders pages into it. In `vite dev` it is the HTML after Vite's dev
 * transforms (HMR client, source entry); in `vite build` it is the HTML of the
 * client build (hashed entry, `modulepreload`, CSS), which is then removed from
 * the client assets so the asset server never answers `/` with the bare shell.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [documentShell(), cloudflare()] });
 * ```
 */
export function documentShell(options: { file?: string } = {}): Plugin {
  let root = process.cwd();
  let server: ViteDevServer | undefined;
  let built: string | undefined;
  const file = () => findShell(root, options.file);

  return {
    name: 'litflare:shell',
    // One instance for every environment: the client build hands its HTML to the Worker build.
    sharedDuringBuild: true,
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      server = devServer;
      devServer.watcher.on('change', (changed) => {
        if (changed !== file()) return;
        // A new shell: every environment that imported it starts over, and pages reload.
        for (const environment of Object.values(devServer.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED_SHELL_ID);
          if (module === undefined) continue;
          environment.moduleGraph.invalidateModule(module);
          environment.hot.send({ type: 'full-reload' });
        }
        devServer.environments.client?.hot.send({ type: 'full-reload' });
      });
    },
    resolveId(id) {
      return id === SHELL_ID ? RESOLVED_SHELL_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_SHELL_ID) return undefined;
      const html = server !== undefined ? await server.transformIndexHtml('/', readShell(file())) : built;
      if (html === undefined) {
        this.error(
          'litflare: the client must be built before the Worker (it embeds the built index.html). ' +
            'Build with `vite build`, which does both in order.',
        );
      }
      return `export default ${JSON.stringify(html)};`;
    },
    generateBundle: {
      // After Vite's HTML plugin has emitted the page.
      order: 'post',
      handler(_options, bundle) {
        if (this.environment.name !== 'client') return;
        for (const [name, output] of Object.entries(bundle)) {
          // Only the page: CSS extracted from the shell's entry has the same original file name.
          const page = output.type === 'asset' && output.fileName.endsWith('.html');
          if (page && output.originalFileNames.some((original) => resolve(root, original) === file())) {
            built = String(output.source);
            delete bundle[name];
          }
        }
      },
    },
  };
}

/** The shell file: the one named, else `index.html`, else `client/index.html`. */
export function findShell(root: string, file: string | undefined): string {
  if (file !== undefined) return resolve(root, file);
  const top = resolve(root, 'index.html');
  return existsSync(top) ? top : resolve(root, 'client/index.html');
}

function readShell(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `litflare: no document shell at ${path}. Create an index.html with <!--ssr-outlet--> in <body> ` +
        'and a <script type="module" src="/client/main.ts"></script> for the client entry.',
    );
  }
  return readFileSync(path, 'utf8');
}
