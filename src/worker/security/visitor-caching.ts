import type { Context } from 'hono';
import type { Scope } from '../context/scope.js';
import type { AppEnv } from '../env.js';

/** What a response that depends on its visitor gets when it says nothing of caching. */
export const PRIVATE_CACHING = 'private, no-store';

/**
 * Keeps a response that depends on its visitor out of shared caches (a CDN,
 * a proxy), which would hand it to the next visitor. On the way out, once
 * its headers are final: a response that read the session or cookies, or
 * sets a cookie, and says nothing of caching gets `private, no-store`; one
 * whose own `Cache-Control` lets shared caches keep it gets the same, and a
 * warning. A `private` or `no-store` of its own stands. A streamed page
 * renders on after its headers leave, when a session read can no longer
 * change them: without a `Cache-Control` of its own it is treated as
 * personal; with a shared one, a later read throws (see {@link Scope.readsVisitor}).
 *
 * @example
 * ```ts
 * await scope.sendHeaders();
 * keepFromSharedCaches(c, scope);
 * ```
 */
export function keepFromSharedCaches(c: Context<AppEnv>, scope: Scope): void {
  if (c.res.status === 101) return;
  const own = c.res.headers.get('cache-control');
  const shared = own !== null && sharedCachesMayStore(own);
  if (scope.personal) {
    if (own !== null && !shared) return;
    if (shared) {
      console.warn(
        `litflare: ${c.req.method} ${c.req.path} reads the session or cookies (or sets one), but its Cache-Control ` +
          `"${own}" lets shared caches give it to every visitor: sent as "${PRIVATE_CACHING}" instead.`,
      );
    }
    setCacheControl(c, PRIVATE_CACHING);
    return;
  }
  if (shared) scope.sentSharedCaching(own);
  else if (own === null && scope.bodyStillRendering) setCacheControl(c, PRIVATE_CACHING);
}

/**
 * The response's `Cache-Control` when it lets shared caches store it, else `undefined`.
 *
 * @example
 * ```ts
 * if (sharedCaching(c.res) !== undefined) scope.sentSharedCaching(c.res.headers.get('cache-control')!);
 * ```
 */
export function sharedCaching(response: Response): string | undefined {
  const own = response.headers.get('cache-control');
  return own !== null && sharedCachesMayStore(own) ? own : undefined;
}

/** Whether a `Cache-Control` value lets a shared cache store the response: neither `no-store` nor a plain `private`. */
function sharedCachesMayStore(cacheControl: string): boolean {
  for (const directive of cacheControl.toLowerCase().split(',')) {
    const name = directive.trim();
    // `private="set-cookie"` keeps only the fields it names from shared caches.
    if (name === 'no-store' || name === 'private') return false;
  }
  return true;
}

function setCacheControl(c: Context<AppEnv>, value: string): void {
  try {
    c.res.headers.set('cache-control', value);
  } catch {
    // A response passed on from fetch() has immutable headers: copy it.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set('cache-control', value);
  }
  // A CDN reads these before Cache-Control: a personal answer must not keep them.
  c.res.headers.delete('cdn-cache-control');
  c.res.headers.delete('cloudflare-cdn-cache-control');
}
