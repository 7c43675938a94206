import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, createServer, runnerImport } from 'vite';

/**
 * Serves `GET /__ssr?case=<name>&args=<json>`: the HTML document litflare's
 * page renderer produces for a fixture case from `test/browser/fixtures/ssr-cases.ts`;
 * `GET /__render?case=<name>`: a case of the renderer's table, rendered with its
 * first arguments into `<div id="root">`; `*.server.ts` modules as the
 * browser proxies the Vite plugin generates; and `GET /__prod/<chunk>.js`:
 * fixture client entries built by Vite for production, as an app ships them
 * (Lit's minified builds, no development code).
 */
export function ssrPlugin(root) {
  let vite;
  let rpcApp;
  let sources;
  let production;
  return {
    /**
     * Koa middleware answering `/_lf/rpc/*` with a litflare app made in Node
     * (the Worker's dispatcher and the real server modules), so fixture
     * frames can call their server functions after hydration.
     */
    async rpcMiddleware(context, next) {
      if (!context.path.startsWith('/_lf/rpc/')) return next();
      rpcApp ??= vite.ssrLoadModule('/src/worker/index.ts').then(({ createApp }) => createApp({ dev: false, shell: '<head></head><!--ssr-outlet-->' }));
      const app = await rpcApp;
      const chunks = [];
      for await (const chunk of context.req) chunks.push(chunk);
      const headers = new Headers();
      for (const [name, value] of Object.entries(context.req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://${context.host}${context.url}`, {
        method: context.method,
        headers,
        body: context.method === 'GET' || context.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      });
      const response = await app.fetch(request);
      context.status = response.status;
      response.headers.forEach((value, name) => context.set(name, value));
      context.body = Buffer.from(await response.arrayBuffer());
    },
    name: 'litflare-ssr-fixtures',
    async serverStart() {
      // Server modules are tagged with their ids, as in the Worker build.
      const { module: fns } = await runnerImport(join(root, 'src/vite/server-fns/plugin.ts'));
      // `litflare/*` from the sources, as in the app's build.
      ({ module: sources } = await runnerImport(join(root, 'src/vite/source-condition.ts')));
      vite = await createServer({
        root,
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        plugins: [sources.sourceCondition(), fns.serverFunctions({ serverDirs: ['worker', 'test/browser/fixtures'] })],
        server: { middlewareMode: true, hmr: false, ws: false },
      });
    },
    async serverStop() {
      await vite?.close();
    },
    async serve(context) {
      // A case of the renderer's table (test/support/render-cases.ts) with its first arguments.
      const renderTableCase = async (name) => {
        const { renderCases } = await vite.ssrLoadModule('/test/support/render-cases.ts');
        const { TemplateRenderer } = await vite.ssrLoadModule('/src/worker/renderer/renderer.ts');
        const entry = renderCases[name];
        if (entry === undefined) return { status: 404, body: `no render case ${name}` };
        const { text } = new TemplateRenderer(entry.render(...entry.args[0])).produce(Infinity);
        return { body: `<!doctype html><html><head></head><body><div id="root">${text}</div></body></html>`, type: 'html' };
      };
      // *.server.ts modules reach the browser as RPC proxies, as the Vite plugin makes them.
      if (/\.server\.[cm]?[jt]s$/.test(context.path)) {
        const { analyzeServerModule } = await vite.ssrLoadModule('/src/vite/server-fns/analyze.ts');
        const { clientProxyModule } = await vite.ssrLoadModule('/src/vite/server-fns/codegen.ts');
        const { serverFnId } = await vite.ssrLoadModule('/src/vite/server-fns/ids.ts');
        const file = join(root, context.path);
        const exports = analyzeServerModule(readFileSync(file, 'utf8'), context.path).map((fn) => ({
          ...fn,
          id: serverFnId(root, file, fn.name),
        }));
        return { body: clientProxyModule({ file, exports }, '/src/client/rpc/proxy.ts'), type: 'js' };
      }
      if (context.path === '/__render') return renderTableCase(context.URL.searchParams.get('case'));
      if (context.path.startsWith('/__prod/')) {
        production ??= buildForProduction(root, sources);
        const code = (await production).get(context.path.slice('/__prod/'.length));
        return code === undefined ? { status: 404, body: `no production chunk ${context.path}` } : { body: code, type: 'js' };
      }
      if (context.path !== '/__ssr') return undefined;
      const name = context.URL.searchParams.get('case');
      const args = JSON.parse(context.URL.searchParams.get('args') ?? '{}');
      const { cases, islands } = await vite.ssrLoadModule('/test/browser/fixtures/ssr-cases.ts');
      const { renderPage } = await vite.ssrLoadModule('/src/worker/page/render-page.ts');
      const { parseShell } = await vite.ssrLoadModule('/src/worker/page/shell.ts');
      const renderCase = cases[name];
      if (renderCase === undefined) return { status: 404, body: `no SSR case ${name}` };
      const shell = parseShell('<!doctype html><html><head></head><body><!--ssr-outlet--></body></html>');
      // A case returns a template, or a Page (a title too).
      const output = renderCase(args);
      const page = typeof output === 'object' && output !== null && 'body' in output ? output : { body: output };
      const response = await renderPage(page, shell, { dev: true, islands });
      return { body: await response.text(), type: 'html' };
    },
  };
}

/** The fixture client entries, built once for production in memory: chunk file name → code. */
async function buildForProduction(root, sources) {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [sources.sourceCondition()],
    // The dev server in this process set NODE_ENV to development, which Vite
    // would follow: production's export conditions and defines, explicitly.
    resolve: { conditions: ['module', 'browser', 'production'] },
    define: { 'import.meta.env.DEV': 'false', 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      modulePreload: false,
      rollupOptions: {
        input: { 'render-client': join(root, 'test/browser/fixtures/render-client.ts') },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const chunks = new Map();
  for (const result of [output].flat()) for (const file of result.output) if (file.type === 'chunk') chunks.set(file.fileName, file.code);
  return chunks;
}
