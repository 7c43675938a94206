import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { waitUntil } from '../context/accessors.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { PRIVATE_CACHING } from '../security/visitor-caching.js';
import { sharedCacheControl, tagsOf, type CacheOptions } from './cache-options.js';
import { rewriteNonce, rewriteStoredNonce } from './nonce-rewrite.js';
import { mayCache } from './personal.js';
import { edgeCache } from './edge-cache.js';
import { indexTags } from './tag-index.js';

/** A rendered page: its response (body unread) and, once the body is read, whether it rendered to the end. */
export interface RenderedPage {
  response: Response;
  /** `false` when rendering failed after the first byte (the page ends in an error marker). */
  complete: () => boolean;
}

/**
 * Renders the page: `'stream'` as any page (its body renders as it is read,
 * on behalf of the request), `'whole'` to be read in full by the cache in the
 * background (it never continues after the headers).
 */
export type RenderPage = (mode: 'stream' | 'whole') => Promise<RenderedPage>;

/** Where a page came from, in `x-litflare-cache`: the edge cache (fresh or stale) or a render. */
type Served = 'HIT' | 'STALE' | 'MISS';

const STORED_AT = 'x-litflare-stored-at';
const STORED_NONCE = 'x-litflare-nonce';
const INTERNAL = [STORED_AT, STORED_NONCE, 'cache-tag'];

/** Keys revalidating in this isolate: one background render per page at a time. */
const revalidating = new Set<string>();

/**
 * Serves a page declared cacheable: from the edge cache (`caches.default`)
 * while fresh; when stale within `staleWhileRevalidate`, the stale copy at once
 * and a fresh render stored in `waitUntil()`; otherwise it renders it,
 * streaming it to the visitor as any page while a copy is read to the end and
 * stored. Every serve gets the request's CSP nonce written into the stored
 * HTML ({@link rewriteStoredNonce}; on a miss, as it streams: {@link rewriteNonce}), its age, and a weak `ETag` (the
 * page without its nonce), so a conditional request gets a bodiless 304
 * through Hono's `etag()`. A page that read the visitor, set a cookie, did not
 * render completely or is not a 200 is never stored.
 *
 * @example
 * ```ts
 * app.get('/about', (c) => servePage(c, { maxAge: 60 }, (mode) => renderAbout(c, mode), false));
 * ```
 */
export async function servePage(c: Context<AppEnv>, options: CacheOptions, render: RenderPage, dev: boolean): Promise<Response> {
  const key = cacheKey(c.req.url);
  // A request with credentials of its own may be answered for that visitor only: neither read nor
  // stored. In development, a hard reload (`Cache-Control: no-cache`) renders the page again.
  const usesCache = !c.req.raw.headers.has('authorization') && !(dev && /\bno-cache\b/i.test(c.req.header('cache-control') ?? ''));
  const cache = edgeCache();
  if (usesCache) {
    const stored = await cache.match(key);
    if (stored !== undefined) {
      const age = ageOf(stored);
      if (age <= options.maxAge) return serve(c, stored, options, 'HIT');
      if (age <= options.maxAge + (options.staleWhileRevalidate ?? 0)) {
        // The stale copy's nonce is this request's before the background render makes its own.
        const response = serve(c, stored, options, 'STALE');
        if (!revalidating.has(key)) {
          revalidating.add(key);
          const refresh = renderWhole(c, options, render, dev)
            .then((entry) => (entry === undefined ? undefined : store(cache, key, entry)))
            .catch((error: unknown) => console.error(`litflare: refreshing ${c.req.path} for the edge cache failed`, error))
            .finally(() => revalidating.delete(key));
          waitUntil(refresh);
        }
        return response;
      }
      await stored.body?.cancel();
    }
  }
  return renderAndStore(c, options, render, dev, usesCache ? { cache, key } : undefined);
}

/** The stored page: the request URL without its fragment. */
function cacheKey(url: string): string {
  const key = new URL(url);
  key.hash = '';
  return key.href;
}

/** Seconds since the page was stored. */
function ageOf(stored: Response): number {
  const at = Number(stored.headers.get(STORED_AT));
  return Number.isFinite(at) ? Math.max(0, Math.floor((Date.now() - at) / 1000)) : Number.POSITIVE_INFINITY;
}

/**
 * Gives the render a nonce of its own, which no browser ever sees (each serve
 * rewrites it): `cspNonce()` returns it from here on in this request, so the
 * page's own inline scripts carry it too. `undefined` without a CSP.
 */
function storedPageNonce(c: Context<AppEnv>): string | undefined {
  if (c.get('secureHeadersNonce') === undefined) return undefined;
  const nonce = freshNonce();
  c.set('secureHeadersNonce', nonce);
  return nonce;
}

/**
 * A miss: renders the page and streams it to the visitor (with the request's
 * nonce in place of the render's), while a copy of the same bytes is read to
 * the end and stored. The visitor gets public headers once the first chunk
 * shows the page did not read the visitor; a later read of the visitor then
 * throws (the page ends in an error marker, and is not stored).
 */
async function renderAndStore(
  c: Context<AppEnv>,
  options: CacheOptions,
  render: RenderPage,
  dev: boolean,
  into: { cache: Cache; key: string } | undefined,
): Promise<Response> {
  const requestNonce = c.get('secureHeadersNonce');
  const nonce = storedPageNonce(c);
  const page = await render('stream');
  const rendered = page.response;
  const headers = withoutPolicy(rendered.headers);
  const visitor = (body: ReadableStream<Uint8Array> | null) => {
    const response = new Response(body, { status: rendered.status, headers });
    return nonce !== undefined && requestNonce !== undefined ? rewriteNonce(response, nonce, requestNonce) : response;
  };
  if (!mayCache(c, scopeOf(c), dev, 'page')) {
    headers.set('cache-control', PRIVATE_CACHING);
    return visitor(rendered.body);
  }
  if (rendered.status !== 200 || headers.has('set-cookie') || headers.has('vary') || rendered.body === null) {
    return visitor(rendered.body);
  }
  const cacheControl = sharedCacheControl(options);
  headers.set('cache-control', cacheControl);
  headers.set('cdn-cache-control', cacheControl);
  headers.set('age', '0');
  headers.set('x-litflare-cache', 'MISS');
  if (into === undefined) return visitor(rendered.body);
  const [toVisitor, toCache] = rendered.body.tee();
  waitUntil(
    (async () => {
      const html = await new Response(toCache).text();
      const entry = await entryOf(c, options, { response: rendered, complete: page.complete }, html, nonce);
      if (entry !== undefined) await store(into.cache, into.key, entry);
    })().catch((error: unknown) => console.error(`litflare: storing ${c.req.path} in the edge cache failed`, error)),
  );
  return visitor(toVisitor);
}

/** A stale page's background render, read in full: the entry to store, or `undefined` when it may not be stored. */
async function renderWhole(c: Context<AppEnv>, options: CacheOptions, render: RenderPage, dev: boolean): Promise<Response | undefined> {
  const nonce = storedPageNonce(c);
  const page = await render('whole');
  const html = await page.response.text();
  if (!mayCache(c, scopeOf(c), dev, 'page')) return undefined;
  return entryOf(c, options, page, html, nonce);
}

/** What the edge cache keeps of a rendered page, or `undefined` when it may not keep it. */
async function entryOf(c: Context<AppEnv>, options: CacheOptions, page: RenderedPage, html: string, nonce: string | undefined): Promise<Response | undefined> {
  const { response } = page;
  if (response.status !== 200 || !page.complete() || scopeOf(c)?.personal === true) return undefined;
  const headers = withoutPolicy(response.headers);
  if (headers.has('set-cookie') || headers.has('vary')) return undefined;
  headers.delete('content-length');
  // Stored in full: nothing is held back by compression any more.
  if (headers.get('content-encoding') === 'identity') headers.delete('content-encoding');
  const tags = tagsOf(options, c, `${c.req.method} ${c.req.path}`);
  headers.set(STORED_AT, String(Date.now()));
  if (nonce !== undefined) headers.set(STORED_NONCE, nonce);
  if (tags.length > 0) headers.set('cache-tag', tags.join(','));
  headers.set('etag', await weakEtag(nonce === undefined ? html : html.replaceAll(nonce, '')));
  // The Cache API keeps the page as long as it may be served, stale included.
  headers.set('cache-control', `public, max-age=${options.maxAge + (options.staleWhileRevalidate ?? 0)}`);
  return new Response(html, { headers });
}

async function store(cache: Cache, key: string, entry: Response): Promise<void> {
  const tags = entry.headers.get('cache-tag')?.split(',') ?? [];
  await cache.put(key, entry);
  if (tags.length > 0) await indexTags(cache, new URL(key).origin, tags, key);
}

/**
 * A stored page as this request gets it: a 304 (Hono's `etag()`) when its
 * `If-None-Match` holds the page's ETag, else the page with this request's
 * nonce in place of the stored one.
 */
async function serve(c: Context<AppEnv>, stored: Response, options: CacheOptions, served: Served): Promise<Response> {
  const headers = new Headers(stored.headers);
  const storedNonce = headers.get(STORED_NONCE);
  const age = ageOf(stored);
  for (const name of INTERNAL) headers.delete(name);
  const cacheControl = sharedCacheControl(options);
  headers.set('cache-control', cacheControl);
  headers.set('cdn-cache-control', cacheControl);
  headers.set('age', String(age));
  headers.set('x-litflare-cache', served);
  const nonce = c.get('secureHeadersNonce');
  const answer = await conditional(c, new Response(stored.body, { status: 200, headers }));
  if (answer.status === 304 || storedNonce === null || nonce === undefined) return answer;
  // The context's response, which Hono keeps once set (by etag()), becomes the rewritten page.
  c.res = await rewriteStoredNonce(answer, storedNonce, nonce);
  return c.res;
}

const conditionalGet = etag();

/** Hono's `etag()` over the page: a request whose `If-None-Match` holds its ETag gets a 304 without a body. */
async function conditional(c: Context<AppEnv>, response: Response): Promise<Response> {
  await conditionalGet(c, async () => {
    c.res = response;
  });
  return c.res;
}

/** A weak validator: the page's bytes differ by their nonce from serve to serve, and are otherwise the same. */
async function weakEtag(html: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(html));
  return `W/"${btoa(String.fromCharCode(...new Uint8Array(digest))).replace(/=+$/, '')}"`;
}

/** 128 random bits, base64, as Hono's `secureHeaders()` makes its nonces. */
function freshNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The headers of a render without its CSP: it names the render's own nonce,
 * which no visitor gets; the secure headers middleware writes each
 * visitor's policy with the nonce of their request.
 */
function withoutPolicy(from: Headers): Headers {
  const headers = new Headers(from);
  headers.delete('content-security-policy');
  headers.delete('content-security-policy-report-only');
  return headers;
}
