import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * How a page (`app.page(path, handler, { cache })`) or a GET server function
 * (`serverFn({ method: 'GET', cache })`) may be cached. Its answers go out
 * `public` with `Cache-Control` and `CDN-Cache-Control` and a validator
 * (`ETag`), so a repeated request gets a bodiless `304`; a page is also kept in
 * the edge cache (`caches.default`) and served from it, each time with a new
 * CSP nonce. An answer that read the session or a cookie, or sets a cookie, is
 * never cached: an error in development, `private, no-store` in production.
 *
 * @example
 * ```ts
 * app.page('/posts/:id', postPage, { cache: { maxAge: 60, staleWhileRevalidate: 600, tags: (c) => [`post:${c.req.param('id')}`] } });
 * ```
 */
export interface CacheOptions {
  /** Seconds an answer stays fresh. */
  maxAge: number;
  /** Seconds after that during which the stale answer is served at once while a fresh one is made in the background. @default 0 */
  staleWhileRevalidate?: number;
  /** Names for `purge({ tags })` (also sent as `Cache-Tag`); a function gets the request's context. */
  tags?: readonly string[] | ((c: Context<AppEnv>) => readonly string[]);
}

const TAG = /^[\x21-\x2b\x2d-\x7e]{1,1024}$/;

/**
 * Checks cache options where they are declared, so a mistake fails at start-up
 * with the route it belongs to rather than on the first visit.
 *
 * @example
 * ```ts
 * checkCacheOptions({ maxAge: 60 }, 'app.page("/about")');
 * ```
 */
export function checkCacheOptions(options: CacheOptions, where: string): void {
  const seconds = (name: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new TypeError(`litflare: ${where}: cache.${name} must be a whole number of seconds, 0 or more (got ${String(value)}).`);
    }
  };
  seconds('maxAge', options.maxAge);
  if (options.staleWhileRevalidate !== undefined) seconds('staleWhileRevalidate', options.staleWhileRevalidate);
  if (Array.isArray(options.tags)) checkTags(options.tags, where);
}

/**
 * The tags of one answer, checked: printable ASCII without spaces or commas (as
 * `Cache-Tag` takes them), 1 to 1024 characters each.
 *
 * @example
 * ```ts
 * tagsOf({ maxAge: 60, tags: ['posts'] }, c, 'GET /posts'); // ['posts']
 * ```
 */
export function tagsOf(options: CacheOptions, c: Context<AppEnv>, where: string): string[] {
  const tags = typeof options.tags === 'function' ? options.tags(c) : (options.tags ?? []);
  checkTags(tags, where);
  return [...new Set(tags)];
}

function checkTags(tags: readonly unknown[], where: string): void {
  for (const tag of tags) {
    if (typeof tag !== 'string' || !TAG.test(tag)) {
      throw new TypeError(
        `litflare: ${where}: cache tag ${JSON.stringify(tag)} is not valid: 1 to 1024 printable ASCII characters, without spaces or commas.`,
      );
    }
  }
}

/**
 * The `Cache-Control` (and `CDN-Cache-Control`) value of a cacheable answer.
 *
 * @example
 * ```ts
 * sharedCacheControl({ maxAge: 60, staleWhileRevalidate: 30 }); // 'public, max-age=60, stale-while-revalidate=30'
 * ```
 */
export function sharedCacheControl(options: CacheOptions): string {
  const swr = options.staleWhileRevalidate ?? 0;
  return `public, max-age=${options.maxAge}${swr > 0 ? `, stale-while-revalidate=${swr}` : ''}`;
}
