import { Hono } from 'hono';
import { serverFnMeta } from 'litflare';
import { createApp } from 'litflare/worker';
import { echo } from './echo.server.js';

const app = createApp({ dev: false });
// The harness asks for the id it must call.
app.get('/ids/echo', (c) => c.text(serverFnMeta(echo)?.id ?? ''));
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
