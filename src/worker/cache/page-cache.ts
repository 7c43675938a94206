import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { waitUntil } from '../context/accessors.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { PRIVATE_CACHING } from '../security/visitor-caching.js';
import { sharedCacheControl, tagsOf, type CacheOptions } from './cache-options.js';
import { rewriteNonce } from './nonce-rewrite.js';
import { mayCache } from './personal.js';
import { edgeCache } from './edge-cache.js';
import { indexTags } from './tag-index.js';

/** A page rendered in full for the cache: its response (body unread) and whether it rendered to the end. */
export interface WholePage {
  response: Response;
  /** Read after the body: `false` when rendering failed after the first byte (the page ends in an error marker). */
  complete: () => boolean;
}

/** Renders the page once, in full, with `nonce` as its CSP nonce. */
export type RenderWhole = (nonce: string | undefined) => Promise<WholePage>;

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
 * and a fresh render stored in `waitUntil()`; otherwise it renders it in full,
 * stores it, and serves it. Every serve gets the request's CSP nonce written
 * into the stored HTML as it streams ({@link rewriteNonce}), its age, and a
 * weak `ETag` (the page without its nonce), so a conditional request gets a
 * bodiless 304 through Hono's `etag()`. A page that read the visitor, set a
 * cookie, did not render completely or is not a 200 is never stored.
 *
 * @example
 * ```ts
 * app.get('/about', (c) => servePage(c, { maxAge: 60 }, (nonce) => renderWhole(c, nonce), false));
 * ```
 */
export async function servePage(c: Context<AppEnv>, options: CacheOptions, render: RenderWhole, dev: boolean): Promise<Response> {
  const key = cacheKey(c.req.url);
  // A request with credentials of its own may be answered for that visitor only: neither read nor stored.
  const usesCache = !c.req.raw.headers.has('authorization');
  const cache = edgeCache();
  let response: Response | undefined;
  if (usesCache) {
    const stored = await cache.match(key);
    if (stored !== undefined) {
      const age = ageOf(stored);
      if (age <= options.maxAge) response = serve(c, stored, options, 'HIT');
      else if (age <= options.maxAge + (options.staleWhileRevalidate ?? 0)) {
        if (!revalidating.has(key)) {
          revalidating.add(key);
          const refresh = renderForCache(c, options, render, dev)
            .then((fresh) => ('entry' in fresh ? store(cache, key, fresh.entry()) : fresh.answer.body?.cancel()))
            .catch((error: unknown) => console.error(`litflare: refreshing ${c.req.path} for the edge cache failed`, error))
            .finally(() => revalidating.delete(key));
          waitUntil(refresh);
        }
        response = serve(c, stored, options, 'STALE');
      } else await stored.body?.cancel();
    }
  }
  if (response === undefined) {
    const fresh = await renderForCache(c, options, render, dev);
    if ('answer' in fresh) return fresh.answer;
    // Two responses of the same string: a clone's branches would hold each other back.
    if (usesCache) waitUntil(store(cache, key, fresh.entry()));
    response = serve(c, fresh.entry(), options, 'MISS');
  }
  return conditional(c, response);
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
 * Renders the page for the cache with a nonce of its own, which no browser
 * ever sees (each serve rewrites it): the entry to store, or, when the page
 * may not be stored, the response to send as it is.
 */
async function renderForCache(
  c: Context<AppEnv>,
  options: CacheOptions,
  render: RenderWhole,
  dev: boolean,
): Promise<{ entry: () => Response } | { answer: Response }> {
  const requestNonce = c.get('secureHeadersNonce');
  const nonce = requestNonce === undefined ? undefined : freshNonce();
  // cspNonce() in the page's own code gives the stored page's nonce too, so the rewrite finds it.
  if (nonce !== undefined) c.set('secureHeadersNonce', nonce);
  let whole: WholePage;
  let html: string;
  try {
    whole = await render(nonce);
    html = await whole.response.text();
  } finally {
    if (requestNonce !== undefined) c.set('secureHeadersNonce', requestNonce);
  }
  const { response } = whole;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  // Rendered in full: nothing is held back by compression any more.
  if (headers.get('content-encoding') === 'identity') headers.delete('content-encoding');
  if (!mayCache(c, scopeOf(c), dev, 'page')) {
    headers.set('cache-control', PRIVATE_CACHING);
    return { answer: new Response(html, { status: response.status, headers }) };
  }
  if (response.status !== 200 || !whole.complete() || headers.has('set-cookie') || headers.has('vary')) {
    return { answer: new Response(html, { status: response.status, headers }) };
  }
  const tags = tagsOf(options, c, `${c.req.method} ${c.req.path}`);
  headers.set(STORED_AT, String(Date.now()));
  if (nonce !== undefined) headers.set(STORED_NONCE, nonce);
  if (tags.length > 0) headers.set('cache-tag', tags.join(','));
  headers.set('etag', await weakEtag(nonce === undefined ? html : html.replaceAll(nonce, '')));
  // The Cache API keeps the page as long as it may be served, stale included.
  headers.set('cache-control', `public, max-age=${options.maxAge + (options.staleWhileRevalidate ?? 0)}`);
  return { entry: () => new Response(html, { headers }) };
}

async function store(cache: Cache, key: string, entry: Response): Promise<void> {
  const tags = entry.headers.get('cache-tag')?.split(',') ?? [];
  await cache.put(key, entry);
  if (tags.length > 0) await indexTags(cache, new URL(key).origin, tags, key);
}

/** A stored (or just rendered) page as this request gets it. */
function serve(c: Context<AppEnv>, stored: Response, options: CacheOptions, served: Served): Response {
  const headers = new Headers(stored.headers);
  const storedNonce = headers.get(STORED_NONCE);
  const age = served === 'MISS' ? 0 : ageOf(stored);
  for (const name of INTERNAL) headers.delete(name);
  const cacheControl = sharedCacheControl(options);
  headers.set('cache-control', cacheControl);
  headers.set('cdn-cache-control', cacheControl);
  headers.set('age', String(age));
  headers.set('x-litflare-cache', served);
  const response = new Response(stored.body, { status: 200, headers });
  const nonce = c.get('secureHeadersNonce');
  return storedNonce !== null && nonce !== undefined ? rewriteNonce(response, storedNonce, nonce) : response;
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
