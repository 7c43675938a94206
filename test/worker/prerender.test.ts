import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { html } from 'lit';
import { createApp, kvSessionStore, session, type LitflareApp } from 'litflare/worker';
import { describe, expect, it, vi } from 'vitest';
import { testShell } from './fixtures/shell.js';

const TOKEN = 'a-token-of-at-least-thirty-two-characters';

function app(): LitflareApp {
  const a = createApp({ shell: testShell, dev: false, session: { store: kvSessionStore('SESSIONS') } });
  a.page('/', () => html`<h1>Home</h1>`, { prerender: true });
  a.page('/posts/:id', (c) => html`<h1>Post ${c.req.param('id')}</h1>`, { prerender: ['/posts/1', '/posts/2/'] });
  a.page('/docs/:slug', (c) => html`<h1>${c.req.param('slug')}</h1>`, { prerender: async () => ['/docs/a', '/posts/1'] });
  a.page('/me', async () => html`<p>${(await session()).isNew}</p>`, { prerender: true });
  return a;
}

/** A request as the build sends it, with the token in the Worker's vars (or not). */
async function build(target: LitflareApp, path: string, headers: Record<string, string>, withVar = true) {
  const ctx = createExecutionContext();
  const bindings = withVar ? { ...env, LITFLARE_PRERENDER_TOKEN: TOKEN } : env;
  const response = await target.fetch(new Request(`https://app.test${path}`, { headers }), bindings, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { status: response.status, text, response };
}

describe('prerendering, the Worker’s side', () => {
  it('tells the build every path to prerender, once each, only with the build’s token', async () => {
    const listed = await build(app(), '/_lf/prerender', { 'x-litflare-prerender': TOKEN });
    expect([listed.status, JSON.parse(listed.text)]).toEqual([200, ['/', '/posts/1', '/posts/2', '/docs/a', '/me']]);
    expect((await build(app(), '/_lf/prerender', { 'x-litflare-prerender': 'guess' })).status).toBe(404);
    expect((await build(app(), '/_lf/prerender', {})).status).toBe(404);
    // Deployed, the var is not there: nobody can ask.
    expect((await build(app(), '/_lf/prerender', { 'x-litflare-prerender': TOKEN }, false)).status).toBe(404);
  });

  it('renders a prerendered page in full for the build, and refuses one that reads the visitor', async () => {
    const post = await build(app(), '/posts/1', { 'x-litflare-prerender': TOKEN });
    expect(post.status).toBe(200);
    expect(post.text).toContain('<h1>Post <!--lit-part-->1<!--/lit-part--></h1>');
    const me = await build(app(), '/me', { 'x-litflare-prerender': TOKEN });
    expect(me.status).toBe(500);
    expect(me.text).toBe(
      'litflare: /me cannot be prerendered: it read session(), so it is not the same for every visitor. ' +
        'Leave the visitor to a component that asks in the browser, or drop prerender.',
    );
    // Any other visitor of /me is answered as usual.
    expect((await build(app(), '/me', {})).status).toBe(200);
  });

  it('refuses a dynamic route without paths, and paths it could not write', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => createApp({ shell: testShell }).page('/posts/:id', () => html``, { prerender: true })).toThrow(
      "litflare: app.page('/posts/:id', …, { prerender: true }): a route with parameters needs the paths to prerender: prerender: ['/posts/1', …] or a function that returns them.",
    );
    const bad = createApp({ shell: testShell, dev: false });
    bad.page('/x/:id', () => html``, { prerender: ['/x/1?page=2'] });
    const listed = await build(bad, '/_lf/prerender', { 'x-litflare-prerender': TOKEN });
    expect(listed.status).toBe(500);
    expect(errors).toHaveBeenCalledWith('litflare: a request failed before its response started', expect.objectContaining({
      message: 'litflare: app.page(\'/x/:id\') prerenders "/x/1?page=2": a path starting with /, without a query, fragment or "..".',
    }));
  });
});
