// A litflare app composes like any Hono app: mounted with route(), under a
// prefix, with basePath(), next to catch-all routes, with the user's own
// onError() and middleware.
import { Hono } from 'hono';
import { html } from 'lit';
import { configureRpc, ServerError } from 'litflare';
import { createApp, kvSessionStore, session, type AppEnv, type AppOptions, type LitflareApp } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, getItem } from './fixtures/rpc.server.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { openSocket } from './fixtures/socket-client.js';
import './fixtures/failing.js';

/** A small litflare app: a page, a WebSocket route and (implicitly) every server function. */
function litflareApp(options: AppOptions = {}): LitflareApp {
  const app = createApp({ shell: testShell, dev: false, ...options });
  app.page('/', () => html`<h1>Home</h1>`);
  app.websocket('/echo/:name', 'ECHO');
  return app;
}

/** Calls add() and the GET function getItem() through the browser proxy, with the RPC base URL `base`. */
async function serverFunctions(app: Pick<LitflareApp, 'fetch'>, base: string): Promise<void> {
  const seen = useApp(app, { origin: base });
  expect(await proxyFor(add)(2, 3)).toBe(5);
  expect(await proxyFor(getItem)(4)).toMatchObject({ id: 4, name: 'item 4' });
  expect(seen.map((request) => `${request.method} ${new URL(request.url).pathname.replace(/[\w-]{16}$/, '<id>')}`)).toEqual([
    `POST ${new URL(base).pathname.replace(/\/$/, '')}/_lf/rpc/<id>`,
    `GET ${new URL(base).pathname.replace(/\/$/, '')}/_lf/rpc/<id>`,
  ]);
}

async function opensSocket(app: Pick<LitflareApp, 'fetch'>, path: string): Promise<void> {
  const socket = await openSocket(path, {}, (request) => send(app, request.url, request));
  expect(await socket.next()).toMatchObject({ type: 'welcome' });
  socket.close();
}

afterEach(() => {
  vi.restoreAllMocks();
  configureRpc({ baseUrl: '' });
});

describe('mounted with route()', () => {
  it('new Hono().route("/", app) serves pages, server functions (POST and GET) and WebSocket routes', async () => {
    const parent = new Hono<AppEnv>().route('/', litflareApp());
    const home = await send(parent, '/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>Home</h1>');
    await serverFunctions(parent, 'http://localhost');
    await opensSocket(parent, `/echo/mounted-${crypto.randomUUID().slice(0, 8)}`);
  });

  it('under a prefix, serves them all below it; the browser calls server functions with configureRpc({ baseUrl: "/app" })', async () => {
    const parent = new Hono<AppEnv>();
    parent.get('/', (c) => c.text('the parent’s own home'));
    parent.route('/app', litflareApp());
    expect(await (await send(parent, '/')).text()).toBe('the parent’s own home');
    expect(await (await send(parent, '/app')).text()).toContain('<h1>Home</h1>');
    await serverFunctions(parent, 'http://localhost/app');
    await opensSocket(parent, `/app/echo/mounted-${crypto.randomUUID().slice(0, 8)}`);
    // Not above the prefix: the parent's not-found.
    expect((await send(parent, `/_lf/rpc/whatever`, { method: 'POST' })).status).toBe(404);
  });

  it('serves server functions even when the app has no route of its own', async () => {
    const parent = new Hono<AppEnv>().route('/', createApp({ shell: testShell }));
    await serverFunctions(parent, 'http://localhost');
  });
});

describe('basePath()', () => {
  it('adds the routes given to the returned app under the base path; server functions stay where the client calls them', async () => {
    const app = createApp({ shell: testShell });
    const api = app.basePath('/api');
    api.get('/hello', (c) => c.text('hello from /api'));
    // The clone first: `export default createApp().basePath(…)` serves only through it.
    for (const served of [api, app]) {
      expect(await (await send(served, '/api/hello')).text()).toBe('hello from /api');
      await serverFunctions(served, 'http://localhost');
    }
  });
});

describe('a catch-all route', () => {
  it('registered before any request does not answer server function calls (POST or GET)', async () => {
    const app = createApp({ shell: testShell });
    app.get('*', (c) => c.text('catch-all'));
    app.all('/api/*', (c) => c.text('api catch-all'));
    await serverFunctions(app, 'http://localhost');
    expect(await (await send(app, '/anything')).text()).toBe('catch-all');
  });
});

describe('the app’s own onError()', () => {
  function erroringApp() {
    const seen: string[] = [];
    const app = createApp({
      shell: testShell,
      dev: false,
      session: { store: kvSessionStore('SESSIONS') },
      before: [
        (c) => {
          if (c.req.query('hook') === 'throw') throw new Error('before hook exploded');
        },
      ],
    });
    app.onError((error, c) => {
      seen.push(error.message);
      return c.text(`handled: ${error.message}`, error instanceof ServerError ? (error.status as 409) : 503);
    });
    app.page('/write-then-fail', async () => {
      (await session<{ note: string }>()).set('note', 'half-written');
      throw new Error('route exploded');
    });
    app.page('/write-then-refuse', async () => {
      (await session<{ note: string }>()).set('note', 'kept');
      throw new ServerError(409, 'refused on purpose');
    });
    app.page('/render-throws', () => html`<test-failing fail></test-failing>`);
    app.get('/note', async (c) => c.text((await session<{ note: string }>()).get('note') ?? 'none'));
    return { app, seen };
  }

  it('gets the errors of routes, pages (before their first byte) and before hooks, and answers them', async () => {
    const { app, seen } = erroringApp();
    const route = await send(app, '/write-then-fail');
    expect([route.status, await route.text()]).toEqual([503, 'handled: route exploded']);
    const rendered = await send(app, '/render-throws');
    expect([rendered.status, await rendered.text()]).toEqual([503, 'handled: test-failing exploded while rendering']);
    const hook = await send(app, '/note?hook=throw');
    expect([hook.status, await hook.text()]).toEqual([503, 'handled: before hook exploded']);
    expect(seen).toEqual(['route exploded', 'test-failing exploded while rendering', 'before hook exploded']);
  });

  it('still drops the session changes of a request that ends in a server error (5xx), and keeps a 4xx’s', async () => {
    const { app } = erroringApp();
    const fresh = await send(app, '/write-then-fail');
    expect(fresh.status).toBe(503);
    expect(fresh.headers.getSetCookie()).toEqual([]);
    const refused = await send(app, '/write-then-refuse');
    expect(refused.status).toBe(409);
    const cookie = cookieHeader(refused);
    expect(cookie).toMatch(/^__Host-lf_session=/);
    expect(await (await send(app, '/note', { headers: { cookie } })).text()).toBe('kept');
    const failed = await send(app, '/write-then-fail', { headers: { cookie } });
    expect(failed.status).toBe(503);
    expect(failed.headers.getSetCookie()).toEqual([]);
    expect(await (await send(app, '/note', { headers: { cookie } })).text()).toBe('kept');
  });
});

describe('middleware added with app.use()', () => {
  function guardedApp(mount: (app: LitflareApp) => Pick<LitflareApp, 'fetch'> = (app) => app) {
    const app = createApp({ shell: testShell });
    app.use(async (c, next) => {
      if (c.req.header('authorization') !== 'Bearer ok') return c.text('sign in first', 401);
      await next();
    });
    app.page('/', () => html`<h1>Home</h1>`);
    return mount(app);
  }

  it('after createApp() and before the first route runs for server function calls: an auth middleware guards them', async () => {
    for (const [served, base] of [
      [guardedApp(), 'http://localhost'],
      [guardedApp((app) => new Hono<AppEnv>().route('/app', app)), 'http://localhost/app'],
    ] as const) {
      useApp(served, { origin: base });
      const refused = await proxyFor(add)(1, 1).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 401 });
      configureRpc({ headers: { authorization: 'Bearer ok' } });
      expect(await proxyFor(add)(1, 1)).toBe(2);
      configureRpc({ headers: {} });
    }
  });

  it('after the first route does not run for server function calls (as for that route, in Hono), and says so', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ran: string[] = [];
    const app = createApp({ shell: testShell });
    app.page('/', () => html`<h1>Home</h1>`);
    app.use('/admin/*', async (_c, next) => next()); // not where server functions are: nothing to say
    expect(warned).not.toHaveBeenCalled();
    app.use(async (c, next) => {
      ran.push(c.req.path);
      await next();
    });
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('does not run for server function calls'));
    useApp(app);
    expect(await proxyFor(add)(1, 2)).toBe(3);
    await send(app, '/');
    expect(ran).toEqual([]);
  });
});
