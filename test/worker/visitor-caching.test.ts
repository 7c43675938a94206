import { stringify } from 'devalue';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { cookie, createApp, kvSessionStore, session, setCookie } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fns from './fixtures/caching.server.js';
import { readChunks } from './fixtures/read.js';
import { renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

// Rendered after the first chunk of a long page, when the headers are gone.
renderProbes.set('late-cookie-read', () => cookie('theme') ?? 'none');

const app = createApp({ shell: testShell, dev: false, session: { store: kvSessionStore('SESSIONS') } });
app.page('/account', async () => html`<p>Hello ${(await session<{ user: string }>()).get('user') ?? 'stranger'}</p>`);
app.page('/themed', () => html`<p class=${cookie('theme') ?? 'light'}>themed</p>`);
app.page('/about', () => html`<p>About us</p>`);
app.page('/cached-about', () => ({ headers: { 'cache-control': 'public, max-age=300' }, body: html`<p>About us</p>` }));
app.page('/long', () => html`${rowsPage(3000)}<p>end</p>`);
app.page('/long-cached', () => ({
  headers: { 'cache-control': 'public, max-age=300' },
  body: html`${rowsPage(3000)}<render-probe name="late-cookie-read"></render-probe>`,
}));
app.post('/theme', (c) => {
  setCookie('theme', 'dark');
  return c.text('saved');
});
app.get('/own-private', async (c) => {
  await session();
  return c.text('mine', 200, { 'cache-control': 'private, max-age=60' });
});
app.get('/public-but-personal', async (c) => {
  await session();
  return c.text('mine', 200, { 'cache-control': 'public, s-maxage=600' });
});
app.get('/plain', (c) => c.text('same for everyone'));

const rpcPath = (fn: (...args: never[]) => unknown) => `/_lf/rpc/${serverFnMeta(fn)!.id}`;
const cacheControl = (response: Response) => response.headers.get('cache-control');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a response that depends on its visitor is kept from shared caches', () => {
  it('gets `private, no-store` when it read the session or a cookie, or sets a cookie', async () => {
    const responses = {
      sessionPage: await send(app, '/account'),
      cookiePage: await send(app, '/themed', { headers: { cookie: 'theme=dark' } }),
      cookieRoute: await send(app, '/theme', { method: 'POST' }),
    };
    for (const [name, response] of Object.entries(responses)) {
      expect(cacheControl(response), name).toBe('private, no-store');
      await response.body?.cancel();
    }
  });

  it('leaves alone a response that does neither, and one that set its own private caching', async () => {
    expect(cacheControl(await send(app, '/plain'))).toBeNull();
    expect(cacheControl(await send(app, '/about'))).toBeNull();
    expect(cacheControl(await send(app, '/cached-about'))).toBe('public, max-age=300');
    expect(cacheControl(await send(app, '/own-private'))).toBe('private, max-age=60');
  });

  it('overrides caching that would let shared caches give it to others, and says so', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(cacheControl(await send(app, '/public-but-personal'))).toBe('private, no-store');
    expect(warned).toHaveBeenCalledWith(
      'litflare: GET /public-but-personal reads the session or cookies (or sets one), but its Cache-Control ' +
        '"public, s-maxage=600" lets shared caches give it to every visitor: sent as "private, no-store" instead.',
    );
  });

  it('covers server functions: one that sets a cookie stays uncached; a public GET one that reads the session or sets a cookie goes private', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const post = await send(app, rpcPath(fns.saveTheme), {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare' },
      body: stringify(['dark']),
    });
    expect(post.headers.getSetCookie()).toHaveLength(1);
    expect(cacheControl(post)).toBe('no-store');
    const query = (args: unknown[]) => `?args=${encodeURIComponent(stringify(args))}`;
    const remembered = await send(app, rpcPath(fns.rememberTheme) + query(['dark']));
    expect([remembered.status, remembered.headers.getSetCookie().length, cacheControl(remembered)]).toEqual([200, 1, 'private, no-store']);
    const who = await send(app, rpcPath(fns.whoAmI) + query([]));
    expect([who.status, cacheControl(who)]).toEqual([200, 'private, no-store']);
  });

  it('treats a streamed page as personal (its later parts may read the visitor once its headers are gone)', async () => {
    const response = await send(app, '/long');
    expect(cacheControl(response)).toBe('private, no-store');
    await readChunks(response);
  });

  it('refuses a visitor read after the headers went out with shared caching: the page ends in an error, not in another’s cache', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await send(app, '/long-cached', { headers: { cookie: 'theme=dark' } });
    expect(cacheControl(response)).toBe('public, max-age=300');
    const page = (await readChunks(response)).join('');
    expect(page).not.toContain('<output><!--lit-part-->dark');
    expect(page).toContain('This page could not be rendered completely.');
    expect(logged).toHaveBeenCalledWith(
      'litflare: rendering failed after the response had started',
      expect.objectContaining({
        message: expect.stringMatching(/^litflare: cookie\(\) came after the response headers went out with Cache-Control "public, max-age=300"/),
      }),
    );
  });
});
