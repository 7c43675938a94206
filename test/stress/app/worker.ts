import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, d1SessionStore, request, session } from 'litflare/worker';
import './secret-card.js';
import * as fns from './worker/stress.server.js';

const app = createApp({ dev: false, session: { store: d1SessionStore('DB') }, rpc: { maxBodySize: 65_536 } });

// How long the Worker took to its answer's headers, for the fuzz phase's report. Requests in flight
// together share the isolate, so this includes the work of others that ran while this one waited.
app.use(async (c, next) => {
  const started = performance.now();
  await next();
  c.header('x-server-time', (performance.now() - started).toFixed(1));
});

app.page('/', () => html`<h1>litflare stress app</h1>`);
// The harness asks which ids to call.
app.get('/ids', (c) => c.json(Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, serverFnMeta(fn)?.id]))));

// A page with the request's own values in the shell and in three boundaries that stream in out of order.
app.page('/page', async (c) => {
  const secret = c.req.query('secret') ?? '';
  const user = (await session<{ user: string }>()).get('user') ?? 'nobody';
  const delays = [Math.random() * 150, Math.random() * 150, Math.random() * 150].map(Math.round);
  return {
    title: `stress ${secret}`,
    body: html`
      <p class="shell">${secret}|${user}|${request().headers.get('x-secret') ?? ''}</p>
      ${delays.map((delay) => html`<secret-card secret=${secret} delay=${delay}></secret-card>`)}
    `,
  };
});

export default app;
