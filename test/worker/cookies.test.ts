import { html } from 'lit';
import {
  clearCookie,
  cookie,
  cookies,
  createApp,
  setCookie,
  setSignedCookie,
  signedCookie,
  type CookieOptions,
} from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChunks } from './fixtures/read.js';
import { probeOutputs, renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const SECRET = 'cookie-signing-secret';

renderProbes.set('set-cookie', () => {
  setCookie('rendered', 'during-ssr');
  return 'set';
});

function fixtureApp(dev: boolean) {
  const app = createApp({ shell: testShell, dev });
  app.get('/set', (c) => {
    const options = JSON.parse(c.req.query('options') ?? '{}') as CookieOptions;
    setCookie(c.req.query('name') ?? 'theme', c.req.query('value') ?? 'dark', options);
    return c.text('set');
  });
  app.get('/read', (c) =>
    c.json({ theme: cookie('theme') ?? null, host: cookie('token', { prefix: 'host' }) ?? null, all: cookies() }),
  );
  app.get('/clear', (c) => {
    clearCookie('theme');
    return c.text('cleared');
  });
  app.get('/signed/set', async (c) => {
    await setSignedCookie('user', c.req.query('user') ?? '', SECRET);
    return c.text('signed');
  });
  app.get('/signed/read', async (c) => c.json({ user: (await signedCookie('user', SECRET)) ?? null }));
  app.get('/redirect', (c) => {
    setCookie('flash', 'saved');
    return c.redirect('/done', 303);
  });
  app.page('/page', () => html`<render-probe name="set-cookie"></render-probe><p>first chunk</p>`);
  app.page('/late', () => html`${rowsPage(3000)}<render-probe name="set-cookie"></render-probe>`);
  app.onError((error, c) => c.text(error.message, 500));
  return app;
}

const app = fixtureApp(false);
const set = (query: Record<string, string>, target = app, origin = 'https://app.test') =>
  send(target, `${origin}/set?${new URLSearchParams(query)}`);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('setCookie()', () => {
  it('sends HttpOnly; Secure; SameSite=Lax; Path=/ by default', async () => {
    const response = await set({ name: 'theme', value: 'dark' });
    expect(response.headers.getSetCookie()).toEqual(['theme=dark; Path=/; HttpOnly; Secure; SameSite=Lax']);
  });

  it('lets options override the defaults', async () => {
    const options = { httpOnly: false, sameSite: 'Strict', maxAge: 60, path: '/app' };
    const response = await set({ name: 'ui', value: 'compact', options: JSON.stringify(options) });
    expect(response.headers.getSetCookie()).toEqual(['ui=compact; Max-Age=60; Path=/app; Secure; SameSite=Strict']);
  });

  it('applies the __Host- and __Secure- prefix rules', async () => {
    const host = await set({ name: 'token', value: 't1', options: JSON.stringify({ prefix: 'host', path: '/x' }) });
    expect(host.headers.getSetCookie()).toEqual(['__Host-token=t1; Path=/; HttpOnly; Secure; SameSite=Lax']);
    const secure = await set({ name: 'pref', value: 'p', options: JSON.stringify({ prefix: 'secure', path: '/x' }) });
    expect(secure.headers.getSetCookie()).toEqual(['__Secure-pref=p; Path=/x; HttpOnly; Secure; SameSite=Lax']);
  });

  it('drops Secure only on http://localhost in development', async () => {
    const dev = fixtureApp(true);
    const local = await set({ name: 'theme', value: 'dark' }, dev, 'http://localhost:5173');
    expect(local.headers.getSetCookie()).toEqual(['theme=dark; Path=/; HttpOnly; SameSite=Lax']);
    const devOverHttps = await set({ name: 'theme', value: 'dark' }, dev, 'https://app.test');
    expect(devOverHttps.headers.getSetCookie()[0]).toContain('; Secure');
    const devOtherHost = await set({ name: 'theme', value: 'dark' }, dev, 'http://app.test');
    expect(devOtherHost.headers.getSetCookie()[0]).toContain('; Secure');
    const production = await set({ name: 'theme', value: 'dark' }, app, 'http://localhost:5173');
    expect(production.headers.getSetCookie()[0]).toContain('; Secure');
  });

  it('keeps cookies on a response the handler built itself (a redirect)', async () => {
    const response = await send(app, '/redirect');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/done');
    expect(response.headers.getSetCookie()).toEqual(['flash=saved; Path=/; HttpOnly; Secure; SameSite=Lax']);
  });

  it('rejects an invalid name with an error naming the cookie', async () => {
    const response = await set({ name: 'bad name', value: 'x' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('litflare: setCookie() cannot set cookie "bad name": Invalid cookie name.');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('rejects a cookie that browsers would drop for its size', async () => {
    const response = await set({ name: 'big', value: 'x'.repeat(5000) });
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/^litflare: setCookie\(\) cannot set cookie "big": it is \d+ bytes, and browsers drop cookies over 4096 bytes/);
  });
});

describe('cookie() and cookies()', () => {
  it('read what the browser sent, including prefixed cookies', async () => {
    const response = await send(app, '/read', { headers: { cookie: 'theme=dark; __Host-token=abc; other=1' } });
    expect(await response.json()).toEqual({
      theme: 'dark',
      host: 'abc',
      all: { theme: 'dark', '__Host-token': 'abc', other: '1' },
    });
  });

  it('read nothing when the browser sent nothing', async () => {
    expect(await (await send(app, '/read')).json()).toEqual({ theme: null, host: null, all: {} });
  });
});

describe('clearCookie()', () => {
  it('sends the cookie empty and expired, so the browser forgets it', async () => {
    const response = await send(app, '/clear', { headers: { cookie: 'theme=dark' } });
    const [line] = response.headers.getSetCookie();
    expect(line).toMatch(/^theme=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookieHeader(response, 'theme=dark')).toBe('');
  });
});

describe('signed cookies', () => {
  it('read back what was signed', async () => {
    const signed = await send(app, '/signed/set?user=ada');
    expect(signed.headers.getSetCookie()[0]).toMatch(/^user=ada\.[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const read = await send(app, '/signed/read', { headers: { cookie: cookieHeader(signed) } });
    expect(await read.json()).toEqual({ user: 'ada' });
  });

  it('read a tampered value as false', async () => {
    const signed = await send(app, '/signed/set?user=ada');
    const forged = cookieHeader(signed).replace('user=ada', 'user=admin');
    const read = await send(app, '/signed/read', { headers: { cookie: forged } });
    expect(await read.json()).toEqual({ user: false });
  });
});

describe('cookies and streamed pages', () => {
  it('land on the page response when set while the first chunk renders', async () => {
    const response = await send(app, '/page');
    expect(response.headers.getSetCookie()).toEqual(['rendered=during-ssr; Path=/; HttpOnly; Secure; SameSite=Lax']);
    expect(probeOutputs(await response.text())).toEqual(['set']);
  });

  it('are a clear error, not a silent loss, when set after the headers went out', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await send(app, '/late');
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    const page = (await readChunks(response)).join('');
    expect(page).toContain('This page could not be rendered completely.');
    expect(logged).toHaveBeenCalledWith(
      'litflare: rendering failed after the response had started',
      expect.objectContaining({
        message: expect.stringMatching(
          /^litflare: setCookie\(\) for cookie "rendered" came after the response headers were sent .* Set cookies before the response starts: in a before hook, in the route or page handler before it returns, or in a server function\.$/,
        ),
      }),
    );
  });
});
