import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp } from 'litflare/worker';
import { renderToReadableStream } from 'react-dom/server';
import { TemplateRenderer } from '../../src/worker/renderer/renderer.js';
import { createElement } from 'react';
import './components/stream-cards.js';
import { echo } from './worker/echo.server.js';
import { dataPage } from './page/data-page.js';
import { litPage } from './page/lit-page.js';
import { reactPage } from './page/react-page.js';
import { stringPage } from './page/string-page.js';

// Contestant (a): the whole framework (context, middleware, streaming).
const app = createApp({ dev: false });
app.page('/page/litflare', () => ({ title: 'Products', body: litPage() }));
// The same rows, each given its object as a page-level property: litflare ships them as hydration data.
app.page('/page/litflare-data', () => ({ title: 'Products', body: dataPage() }));
// The same page from the edge cache (issue 16): rendered once, then served with a new nonce per request.
app.page('/page/litflare-cached', () => ({ title: 'Products', body: litPage() }), { cache: { maxAge: 3600 } });

// The harness asks for the id it must call.
app.get('/ids/echo', (c) => c.text(serverFnMeta(echo)?.id ?? ''));

// The streaming demo's page with its 300 ms boundary, and the same page without it.
const intro = html`<h1>Streaming</h1><p>${'The shell goes out at once. '.repeat(40)}</p>`;
app.page('/stream/with', () => html`${intro}<slow-card label="forecast"></slow-card>`);
app.page('/stream/without', () => html`${intro}<static-card label="forecast"></static-card>`);

// A plain JSON route through litflare's app (its middleware, no RPC).
app.post('/plain/echo', async (c) => c.json(await c.req.json()));

// The same app without secure headers (requests with `x-bench-app: no-secure-headers`), so
// that the RPC breakdown can tell litflare's context, scope and guard from the headers.
const noSecureHeaders = createApp({ dev: false, secureHeaders: false });
noSecureHeaders.post('/plain/echo', async (c) => c.json(await c.req.json()));

// Baselines, in the same Worker but outside litflare: a bare Hono app.
const bare = new Hono();
const head = '<!doctype html><html><head><meta charset="utf-8"><title>Products</title></head><body>';
const htmlHeaders = { 'content-type': 'text/html; charset=utf-8' };
bare.post('/hono/echo', async (c) => c.json(await c.req.json()));
// The same echo with Hono's secureHeaders() set as litflare sets it for a server function
// answer (no CSP there), to tell what the secure headers cost from what litflare costs.
bare.post('/hono/secure-echo', secureHeaders({ overwrite: false, removePoweredBy: false }), async (c) => c.json(await c.req.json()));
// (b) raw Lit SSR: render() + collectResult.
bare.get('/page/lit-collect', async () => new Response(`${head}${await collectResult(render(litPage()))}</body></html>`, { headers: htmlHeaders }));
// The page that carries its data, by raw Lit SSR: the properties are rendered, then dropped.
bare.get('/page/lit-collect-data', async () => new Response(`${head}${await collectResult(render(dataPage()))}</body></html>`, { headers: htmlHeaders }));
// (c) React 19 streaming, same markup in light DOM.
bare.get('/page/react', async () => {
  const page = createElement('html', null, createElement('head', null, createElement('title', null, 'Products')), createElement('body', null, reactPage()));
  return new Response(await renderToReadableStream(page), { headers: htmlHeaders });
});
// litflare's renderer alone: the same page to one string, no framework, no stream.
bare.get('/page/renderer', () => new Response(`${head}${new TemplateRenderer(litPage()).produce(Infinity).text}</body></html>`, { headers: htmlHeaders }));
bare.get('/page/renderer-data', () => new Response(`${head}${new TemplateRenderer(dataPage()).produce(Infinity).text}</body></html>`, { headers: htmlHeaders }));
// (d) a plain template string: the ceiling.
bare.get('/page/string', () => new Response(stringPage(), { headers: htmlHeaders }));

// Miniflare's Cache API alone: the cached page read back and sent as it is, outside litflare.
bare.get('/cache/match', async (c) => {
  const stored = await (caches as unknown as { default: Cache }).default.match(new URL('/page/litflare-cached', c.req.url).href);
  return stored === undefined ? c.text('not cached', 404) : new Response(stored.body, stored);
});

const bareRoutes = /^\/(?:cache\/match$|hono\/|page\/(?:lit-collect|lit-collect-data|renderer|renderer-data|react|string)$)/;

export default {
  fetch(request: Request, env: Cloudflare.Env, ctx: ExecutionContext) {
    const path = new URL(request.url).pathname;
    // The floor: what every request costs before any framework (Miniflare's entry Worker, workerd's HTTP, this dispatch).
    if (path === '/floor') return new Response('ok');
    if (bareRoutes.test(path)) return bare.fetch(request, env, ctx);
    const litflare = request.headers.get('x-bench-app') === 'no-secure-headers' ? noSecureHeaders : app;
    return litflare.fetch(request, env, ctx);
  },
};
