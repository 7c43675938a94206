import { Hono } from 'hono';
import { serverFnMeta } from 'litflare';
import { createApp } from 'litflare/worker';
import { html } from 'lit';
import './components/stream-cards.js';
import { echo } from './echo.server.js';

const app = createApp({ dev: false });
// The harness asks for the id it must call.
app.get('/ids/echo', (c) => c.text(serverFnMeta(echo)?.id ?? ''));
// The streaming demo's page with its 300 ms boundary, and the same page without it.
const intro = html`<h1>Streaming</h1><p>${'The shell goes out at once. '.repeat(40)}</p>`;
app.page('/stream/with', () => html`${intro}<slow-card label="forecast"></slow-card>`);
app.page('/stream/without', () => html`${intro}<static-card label="forecast"></static-card>`);
// A plain JSON route through litflare's app (its middleware, no RPC).
app.post('/plain/echo', async (c) => c.json(await c.req.json()));

// Baseline: a bare Hono app, without litflare's middleware, in the same Worker.
const bare = new Hono();
bare.post('/hono/echo', async (c) => c.json(await c.req.json()));

export default {
  fetch(request: Request, env: Cloudflare.Env, ctx: ExecutionContext) {
    return request.url.includes('/hono/') ? bare.fetch(request, env, ctx) : app.fetch(request, env, ctx);
  },
};
