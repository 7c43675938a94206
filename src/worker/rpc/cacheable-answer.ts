import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { RPC_ANSWER_CONTENT_TYPE } from '../../shared/rpc/protocol.js';
import { sharedCacheControl, tagsOf, type CacheOptions } from '../cache/cache-options.js';
import { mayCache } from '../cache/personal.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { PRIVATE_CACHING } from '../security/visitor-caching.js';

/** Hono's `etag()`: a SHA-1 of the answer's bytes (the same arguments give the same bytes), and the 304. */
const conditionalGet = etag();

/**
 * The answer of a GET server function declared with `cache`: `public`
 * `Cache-Control` and `CDN-Cache-Control`, its `Cache-Tag`, and an `ETag`
 * through Hono's `etag()`, so a matching `If-None-Match` gets a 304. A
 * streamed result stays `no-store`; one that read the visitor is an error in
 * development and `private, no-store` in production.
 *
 * @example
 * ```ts
 * return cacheableAnswer(c, respond(result, options), { maxAge: 60 }, false, 'getPost');
 * ```
 */
export async function cacheableAnswer(c: Context<AppEnv>, response: Response, cache: CacheOptions, dev: boolean, name: string): Promise<Response> {
  if (response.headers.get('content-type') !== RPC_ANSWER_CONTENT_TYPE) return response;
  if (!mayCache(c, scopeOf(c), dev, `server function (${name})`)) {
    response.headers.set('cache-control', PRIVATE_CACHING);
    return response;
  }
  const tags = tagsOf(cache, c, `${name}'s cache`);
  response.headers.set('cdn-cache-control', sharedCacheControl(cache));
  if (tags.length > 0) response.headers.set('cache-tag', tags.join(','));
  await conditionalGet(c, async () => {
    c.res = response;
  });
  return c.res;
}
