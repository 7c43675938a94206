import { stringify } from 'devalue';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { cspNonce, createApp, kvSessionStore, purge, session, setCookie, type LitflareApp } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fns from './fixtures/caching.server.js';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { cookieHeader } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { rewriteNonce } from '../../src/worker/cache/nonce-rewrite.js';

/** How many times each page rendered. */
const renders = new Map<string, number>();
const rendered = (name: string) => {
  const count = (renders.get(name) ?? 0) + 1;
  renders.set(name, count);
  return count;
};

function cachingApp(dev: boolean): LitflareApp {
  const app = createApp({ shell: testShell, dev, session: { store: kvSessionStore('SESSIONS') } });
  app.page('/news', () => ({
    head: `<script nonce="${cspNonce()}">window.rendered = true</script>`,
    body: html`<p>News, render ${rendered('news')}</p>`,
  }), { cache: { maxAge: 60, staleWhileRevalidate: 30, tags: ['news'] } });
  app.page('/soon-stale', () => html`<p>Render ${rendered('soon-stale')}</p>`, { cache: { maxAge: 1, staleWhileRevalidate: 60 } });
  app.page('/tagged/:id', (c) => html`<p>Item ${c.req.param('id')}, render ${rendered(c.req.param('id'))}</p>`, {
    cache: { maxAge: 60, tags: (c) => ['items', `item:${c.req.param('id')}`] },
  });
  app.page('/uncached', () => html`<p>Render ${rendered('uncached')}</p>`);
  app.page('/account', async () => html`<p>Hello ${(await session<{ user: string }>()).get('user') ?? 'stranger'}</p>`, {
    cache: { maxAge: 60 },
  });
  app.page('/themed', () => {
    setCookie('theme', 'dark');
    return html`<p>Themed</p>`;
  }, { cache: { maxAge: 60 } });
  app.post('/sign-in/:user', async (c) => {
    const s = await session<{ user: string }>();
    s.regenerate();
    s.set('user', c.req.param('user'));
    return c.text('signed in');
  });
  app.post('/purge', async (c) => {
    const { tags, paths } = await c.req.json<{ tags?: string[]; paths?: string[] }>();
    return c.json({ removed: await purge({ tags, paths }) });
  });
  return app;
}

const app = cachingApp(false);
const devApp = cachingApp(true);

let origins = 0;
/** Each test its own origin: the edge cache is shared by the tests of this file. */
const origin = () => `https://cache-${++origins}.test`;
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
const rpcUrl = (base: string, fn: (...args: never[]) => unknown, args: unknown[]) =>
  `${base}/_lf/rpc/${serverFnMeta(fn)!.id}?args=${encodeURIComponent(stringify(args))}`;

/**
 * Sends a request as the runtime would, reads the whole answer, then waits
 * for its waitUntil work (a page served through HTMLRewriter is pumped as
 * it is read, so the reading comes first).
 */
async function visit(target: LitflareApp, url: string, init?: RequestInit): Promise<{ response: Response; text: string }> {
  const ctx = createExecutionContext();
  const response = await target.fetch(new Request(url, init), env, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { response, text };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const hello = (text: string) => /Hello (?:<!--[^>]*-->)?(\w+)/.exec(text)?.[1];
const renderNumber = (text: string) => /[Rr]ender (?:<!--[^>]*-->)?(\d+)/.exec(text)?.[1];

describe('cache headers', () => {
  it('the table: a cacheable page and GET function are public with an ETag; an uncached page says nothing; one that reads the session or sets a cookie is private', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const base = origin();
    const row = async (url: string) => {
      const { response } = await visit(app, url);
      return {
        cacheControl: response.headers.get('cache-control'),
        cdn: response.headers.get('cdn-cache-control'),
        etag: response.headers.get('etag')?.replace(/"[^"]+"/, '"…"') ?? null,
      };
    };
    const table = {
      publicPageRendered: await row(`${base}/news`),
      publicPage: await row(`${base}/news`),
      uncachedPage: await row(`${base}/uncached`),
      sessionRead: await row(`${base}/account`),
      cookieSet: await row(`${base}/themed`),
      getServerFn: await row(rpcUrl(base, fns.getPost, [1])),
      getServerFnReadingSession: await row(rpcUrl(base, fns.myPosts, [])),
    };
    const shared = 'public, max-age=60, stale-while-revalidate=30';
    expect(table).toEqual({
      // The visit that renders it streams it, before its validator is known.
      publicPageRendered: { cacheControl: shared, cdn: shared, etag: null },
      publicPage: { cacheControl: shared, cdn: shared, etag: 'W/"…"' },
      uncachedPage: { cacheControl: null, cdn: null, etag: null },
      sessionRead: { cacheControl: 'private, no-store', cdn: null, etag: null },
      cookieSet: { cacheControl: 'private, no-store', cdn: null, etag: null },
      getServerFn: { cacheControl: shared, cdn: shared, etag: '"…"' },
      getServerFnReadingSession: { cacheControl: 'private, no-store', cdn: null, etag: null },
    });
    expect((await visit(app, rpcUrl(base, fns.getPost, [1]))).response.headers.get('cache-tag')).toBe('posts');
  });

  it('in development, caching a page or a GET function that reads the visitor is an error naming what it read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const base = origin();
    const page = await visit(devApp, `${base}/account`);
    expect(page.response.status).toBe(500);
    expect(page.text).toContain('GET /account is a page declared cacheable (its cache option), but it read session()');
    const cookiePage = await visit(devApp, `${base}/themed`);
    expect(cookiePage.response.status).toBe(500);
    expect(cookiePage.text).toContain('but it sets a cookie');
    const fn = await visit(devApp, rpcUrl(base, fns.myPosts, []));
    expect(fn.response.status).toBe(500);
    expect(fn.text).toContain('but it read session()');
  });

  it('refuses malformed cache options where they are declared', () => {
    const bad = createApp({ shell: testShell });
    expect(() => bad.page('/x', () => html``, { cache: { maxAge: -1 } })).toThrow(
      "litflare: app.page('/x'): cache.maxAge must be a whole number of seconds, 0 or more (got -1).",
    );
    expect(() => bad.page('/y', () => html``, { cache: { maxAge: 1, staleWhileRevalidate: 1.5 } })).toThrow(/cache\.staleWhileRevalidate/);
    expect(() => bad.page('/z', () => html``, { cache: { maxAge: 1, tags: ['a,b'] } })).toThrow(/cache tag "a,b" is not valid/);
  });
});

describe('conditional requests', () => {
  it('a page whose ETag matches If-None-Match gets a 304 without a body or a CSP, from the edge cache', async () => {
    const base = origin();
    await visit(app, `${base}/news`);
    const first = await visit(app, `${base}/news`);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w+/-]{27}"$/);
    const again = await visit(app, `${base}/news`, { headers: { 'if-none-match': etag } });
    expect([again.response.status, again.text]).toEqual([304, '']);
    expect(again.response.headers.get('etag')).toBe(etag);
    expect(again.response.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=30');
    expect(again.response.headers.get('content-security-policy')).toBeNull();
    const other = await visit(app, `${base}/news`, { headers: { 'if-none-match': 'W/"something-else"' } });
    expect(other.response.status).toBe(200);
    expect(other.text).toContain('News, render');
  });

  it('a GET server function answers If-None-Match with a 304, and its ETag is the same for the same answer', async () => {
    const base = origin();
    const first = await visit(app, rpcUrl(base, fns.getPost, [7]));
    const etag = first.response.headers.get('etag')!;
    expect(first.text).toContain('Post 7');
    const again = await visit(app, rpcUrl(base, fns.getPost, [7]), { headers: { 'if-none-match': etag } });
    expect([again.response.status, again.text]).toEqual([304, '']);
    const other = await visit(app, rpcUrl(base, fns.getPost, [8]), { headers: { 'if-none-match': etag } });
    expect(other.response.status).toBe(200);
  });
});

describe('the edge cache', () => {
  it('renders a cacheable page once and serves it from the cache while fresh', async () => {
    const base = origin();
    const visits = [];
    for (let i = 0; i < 3; i++) {
      const { response, text } = await visit(app, `${base}/tagged/a`);
      visits.push([response.headers.get('x-litflare-cache'), renderNumber(text)]);
    }
    const first = visits[0]![1];
    expect(first).toMatch(/^\d+$/);
    expect(visits).toEqual([['MISS', first], ['HIT', first], ['HIT', first]]);
  });

  it('serves a stale page at once while a fresh render is stored in the background, then the fresh one', async () => {
    const base = origin();
    const read = async () => {
      const { response, text } = await visit(app, `${base}/soon-stale`);
      return [response.headers.get('x-litflare-cache'), renderNumber(text)];
    };
    const [, first] = await read();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await read()).toEqual(['STALE', first]);
    expect(await read()).toEqual(['HIT', String(Number(first) + 1)]);
  });

  it('in development, a hard reload (Cache-Control: no-cache) renders the page again; in production it does not', async () => {
    const base = origin();
    const served = async (target: LitflareApp, headers: Record<string, string> = {}) =>
      (await visit(target, `${base}/tagged/reload`, { headers })).response.headers.get('x-litflare-cache');
    expect([await served(devApp), await served(devApp), await served(devApp, { 'cache-control': 'no-cache' })]).toEqual(['MISS', 'HIT', 'MISS']);
    expect(await served(app, { 'cache-control': 'no-cache' })).toBe('HIT');
  });

  it('purges by tag and by path: the next visit renders again', async () => {
    const base = origin();
    const served = async (path: string) => (await visit(app, base + path)).response.headers.get('x-litflare-cache');
    const purge = async (what: { tags?: string[]; paths?: string[] }) =>
      JSON.parse((await visit(app, `${base}/purge`, { method: 'POST', body: JSON.stringify(what) })).text) as { removed: number };
    expect([await served('/tagged/p1'), await served('/tagged/p2')]).toEqual(['MISS', 'MISS']);
    expect([await served('/tagged/p1'), await served('/tagged/p2')]).toEqual(['HIT', 'HIT']);
    expect(await purge({ tags: ['item:p1'] })).toEqual({ removed: 1 });
    expect([await served('/tagged/p1'), await served('/tagged/p2')]).toEqual(['MISS', 'HIT']);
    expect(await purge({ tags: ['items'] })).toEqual({ removed: 2 });
    expect([await served('/tagged/p1'), await served('/tagged/p2')]).toEqual(['MISS', 'MISS']);
    expect(await purge({ paths: ['/tagged/p2'] })).toEqual({ removed: 1 });
    expect([await served('/tagged/p1'), await served('/tagged/p2')]).toEqual(['HIT', 'MISS']);
  });

  it('gives each visitor of a cached page a nonce of its own, which its CSP allows, and keeps no other', async () => {
    const base = origin();
    const visits = [];
    for (let i = 0; i < 3; i++) {
      const { response, text } = await visit(app, `${base}/news`);
      visits.push({ served: response.headers.get('x-litflare-cache'), nonce: nonceOf(response), page: text });
    }
    expect(visits.map((v) => v.served)).toEqual(['MISS', 'HIT', 'HIT']);
    expect(new Set(visits.map((v) => v.nonce)).size).toBe(3);
    for (const { nonce, page } of visits) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const nonces = [...page.matchAll(/nonce="([^"]*)"/g)].map((match) => match[1]);
      expect(nonces.length).toBe(2); // the shell's module script, the page's own inline script
      expect(new Set(nonces)).toEqual(new Set([nonce]));
    }
  });

  it('never serves a signed-in visitor’s page to another: two sessions, each its own page, nothing stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const base = origin();
    const signIn = async (user: string) => cookieHeader((await visit(app, `${base}/sign-in/${user}`, { method: 'POST' })).response);
    const ada = await signIn('ada');
    const grace = await signIn('grace');
    const pages = [];
    for (const [who, cookie] of [['ada', ada], ['grace', grace], ['nobody', ''], ['ada', ada]] as const) {
      const { response, text } = await visit(app, `${base}/account`, { headers: { cookie } });
      pages.push([who, hello(text), response.headers.get('x-litflare-cache'), response.headers.get('cache-control')]);
    }
    expect(pages).toEqual([
      ['ada', 'ada', null, 'private, no-store'],
      ['grace', 'grace', null, 'private, no-store'],
      ['nobody', 'stranger', null, 'private, no-store'],
      ['ada', 'ada', null, 'private, no-store'],
    ]);
  });
});

describe('clients that run no script on a cached page', () => {
  it('a bot gets a page rendered for it in order, never the stored copy, and its visit stores nothing', async () => {
    const base = origin();
    const bot = { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } };
    const first = await visit(app, `${base}/tagged/bot`, bot);
    const second = await visit(app, `${base}/tagged/bot`, bot);
    expect([first.response.headers.get('x-litflare-cache'), second.response.headers.get('x-litflare-cache')]).toEqual([null, null]);
    expect([renderNumber(first.text), renderNumber(second.text)]).toEqual(['1', '2']);
    // A browser after the bots: nothing was stored by them.
    const browser = await visit(app, `${base}/tagged/bot`);
    expect([browser.response.headers.get('x-litflare-cache'), renderNumber(browser.text)]).toEqual(['MISS', '3']);
  });
});

describe('the nonce rewrite', () => {
  it('replaces the stored nonce wherever the stream cuts it, and nothing else', async () => {
    const stored = 'AAAAAAAAAAAAAAAAAAAAAA==';
    const fresh = 'BBBBBBBBBBBBBBBBBBBBBB==';
    const page = `<script nonce="${stored}"></script><p>é ${stored}</p><script nonce="other"></script><style nonce="${stored}">`;
    const bytes = new TextEncoder().encode(page);
    for (const size of [1, 3, 7, 24, 25, bytes.length]) {
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        },
      });
      const out = await rewriteNonce(new Response(chunks), stored, fresh).text();
      expect(out, `chunks of ${size}`).toBe(page.replaceAll(stored, fresh));
    }
  });
});
