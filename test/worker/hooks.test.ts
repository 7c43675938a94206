import { HTTPException } from 'hono/http-exception';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, setCookie, type AppOptions } from 'litflare/worker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './fixtures/failing.js';
import { add } from './fixtures/rpc.server.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

/** What ran, in order, for the request under test. */
let ran: string[] = [];

function hookedApp(options: Partial<AppOptions> = {}) {
  const app = createApp({
    shell: testShell,
    before: [
      (c) => {
        ran.push('before: auth');
        if (c.req.header('authorization') !== 'Bearer ok') return c.text('sign in first', 401);
      },
      () => {
        ran.push('before: second');
        setCookie('seen-by', 'before-hook');
      },
    ],
    after: [
      (c) => {
        ran.push(`after: first (status ${c.res.status})`);
        c.header('x-after', 'applied');
      },
      (c) => {
        ran.push(`after: second (x-after ${c.res.headers.get('x-after')})`);
        setCookie('stamped-by', 'after-hook');
      },
    ],
    ...options,
  });
  app.use(async (_c, next) => {
    ran.push('app.use middleware');
    await next();
  });
  app.page('/page', () => {
    ran.push('page');
    return html`<p>a page</p>`;
  });
  app.get('/plain', (c) => {
    ran.push('plain route');
    return c.text('plain');
  });
  app.get('/throws', () => {
    ran.push('throwing route');
    throw new Error('route exploded');
  });
  app.get('/teapot', () => {
    throw new HTTPException(418, { message: 'short and stout' });
  });
  app.page('/render-throws', () => html`<test-failing fail></test-failing>`);
  return app;
}

const authorized = { headers: { authorization: 'Bearer ok' } };
// A real server function call: add(2, 3).
const addPath = `/_lf/rpc/${serverFnMeta(add)!.id}`;
const addCall = { method: 'POST', headers: { authorization: 'Bearer ok', 'content-type': 'application/x-litflare+json' }, body: '[[1,2],2,3]' };

beforeEach(() => {
  ran = [];
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('before hooks', () => {
  it('short-circuit: the page, the route and later hooks never run, after hooks still do', async () => {
    const app = hookedApp();
    for (const [path, init] of [
      ['/page', {}],
      ['/plain', {}],
      [addPath, { ...addCall, headers: { 'content-type': 'application/x-litflare+json' } }],
    ] as const) {
      ran = [];
      const response = await send(app, path, init);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('sign in first');
      expect(response.headers.get('x-after')).toBe('applied');
      expect(ran).toEqual(['before: auth', 'after: first (status 401)', 'after: second (x-after applied)']);
    }
  });

  it('run in order before middleware and the route, and can set cookies', async () => {
    const response = await send(hookedApp(), '/plain', authorized);
    expect(await response.text()).toBe('plain');
    expect(ran).toEqual([
      'before: auth',
      'before: second',
      'app.use middleware',
      'plain route',
      'after: first (status 200)',
      'after: second (x-after applied)',
    ]);
    expect(response.headers.getSetCookie()).toEqual([
      'seen-by=before-hook; Path=/; HttpOnly; Secure; SameSite=Lax',
      'stamped-by=after-hook; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
  });
});

describe('after hooks', () => {
  it('set a header on pages, server-function routes, plain routes and the not-found page', async () => {
    const app = hookedApp();
    const responses = [
      await send(app, '/page', authorized),
      await send(app, addPath, addCall),
      await send(app, '/plain', authorized),
      await send(app, '/nowhere', authorized),
    ];
    expect(responses.map((response) => [response.status, response.headers.get('x-after')])).toEqual([
      [200, 'applied'],
      [200, 'applied'],
      [200, 'applied'],
      [404, 'applied'],
    ]);
    expect(await responses[0]!.text()).toContain('<p>a page</p>');
    expect(await responses[1]!.text()).toBe('[5]');
  });

  it('can replace the response', async () => {
    const app = hookedApp({ after: (c) => (c.res.status === 404 ? new Response('custom 404', { status: 404 }) : undefined) });
    const response = await send(app, '/nowhere', authorized);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('custom 404');
  });
});

describe('app.onError()', () => {
  it('sees errors from routes and answers with its response; after hooks still run', async () => {
    const seen: string[] = [];
    const app = hookedApp().onError((error, c) => {
      seen.push(`${c.req.path}: ${error.message}`);
      return c.json({ error: error.message }, 503);
    });
    const response = await send(app, '/throws', authorized);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'route exploded' });
    expect(response.headers.get('x-after')).toBe('applied');
    expect(seen).toEqual(['/throws: route exploded']);
  });

  it('sees errors from before hooks and from a page that fails before its first byte', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    const app = createApp({
      shell: testShell,
      before: (c) => {
        if (c.req.path === '/guarded') throw new Error('hook exploded');
      },
    });
    app.onError((error) => {
      seen.push(error.message);
    });
    app.get('/guarded', (c) => c.text('unreachable'));
    app.page('/render-throws', () => html`<test-failing fail></test-failing>`);
    const guarded = await send(app, '/guarded');
    const rendered = await send(app, '/render-throws');
    expect(seen).toEqual(['hook exploded', 'test-failing exploded while rendering']);
    // onError returned nothing: the default error page answers.
    expect([guarded.status, rendered.status]).toEqual([500, 500]);
    expect(await guarded.text()).toContain('<title>Something went wrong</title>');
  });

  it('falls back to the default error response, and logs, when it throws itself', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = hookedApp().onError(() => {
      throw new Error('onError exploded');
    });
    const response = await send(app, '/throws', authorized);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<title>Something went wrong</title>');
    expect(logged).toHaveBeenCalledWith(
      'litflare: the app’s onError threw; answering with the default error response',
      expect.objectContaining({ message: 'onError exploded' }),
    );
  });

  it('leaves HTTPException responses and the error page as they are when it returns nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = hookedApp().onError(() => undefined);
    const teapot = await send(app, '/teapot', authorized);
    expect(teapot.status).toBe(418);
    expect(await teapot.text()).toBe('short and stout');
    expect((await send(app, '/render-throws', authorized)).status).toBe(500);
  });
});
