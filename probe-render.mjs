import { createServer, runnerImport } from 'vite';
const { module: fns } = await runnerImport('/work/main/src/vite/server-fns/plugin.ts');
const vite = await createServer({ configFile: false, root: '/work/main', logLevel: 'error', appType: 'custom', plugins: [fns.serverFunctions({ includeTests: true })], server: { middlewareMode: true, hmr: false, ws: false } });
const { litPage } = await vite.ssrLoadModule('/bench/app/page/lit-page.ts');
const { renderPage } = await vite.ssrLoadModule('/src/worker/ssr/page.ts');
const { parseShell } = await vite.ssrLoadModule('/src/worker/ssr/shell.ts');
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const shell = parseShell('<!doctype html><html><head><title>x</title></head><body><!--ssr-outlet--></body></html>');
const which = process.env.ONLY;
async function lf() { const r = await renderPage({ body: litPage() }, shell, { dev: false }); return r.text(); }
async function collect() { return collectResult(render(litPage())); }
for (const round of [1, 2, 3]) for (const [name, fn] of Object.entries({ lf, collect })) {
  if (which && which !== name) continue;
  const N = 300; const t = performance.now();
  for (let i = 0; i < N; i++) await fn();
  console.log(round, name, ((performance.now() - t) * 1000 / N).toFixed(0), 'µs');
}
await vite.close();
