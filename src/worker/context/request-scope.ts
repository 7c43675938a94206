import type { MiddlewareHandler } from 'hono';
import { deferScope, existingScope, type Scope, type ScopeSettings } from './scope.js';
import type { AppEnv } from '../env.js';
import { keepFromSharedCaches, sharedCaching } from '../security/visitor-caching.js';

/**
 * Gives each request its litflare scope, and on the way out, once every hook
 * and route has run, sends the headers: the session cookie is decided, dirty
 * session data is saved, the cookies set during the request are added to
 * the response, and a response that depends on its visitor is kept from
 * shared caches (see {@link keepFromSharedCaches}). From then on, setting a
 * cookie is an error. A streamed page finishes the scope itself when its last
 * chunk has rendered. A request that ends in a server error (5xx) because
 * something threw saves none of its session changes, whichever error handler
 * answered it (litflare's, or the app's own `app.onError()`). The scope is
 * made only when something asks for it: a request that set no cookie, read
 * no session and streamed nothing skips all of this.
 *
 * @example
 * ```ts
 * app.use(requestContext(), requestScope({ dev: false }));
 * ```
 */
export function requestScope(settings: ScopeSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    deferScope(c, settings);
    try {
      await next();
    } catch (error) {
      // Only when an error handler threw too: nothing of the request is kept, and its scope still ends.
      const scope = existingScope(c);
      if (scope !== undefined) {
        scope.fail();
        await scope.finish();
      }
      throw error;
    }
    const scope = existingScope(c);
    if (scope === undefined) {
      // Nothing asked for the scope: one made from now on starts where this one would be.
      deferScope(c, settings, (late) => lateScope(c, late));
      return;
    }
    if (c.error !== undefined && c.res.status >= 500) scope.fail();
    await scope.sendHeaders();
    keepFromSharedCaches(c, scope);
    for (const line of scope.cookies) c.header('set-cookie', line, { append: true });
    if (!scope.bodyStillRendering) await scope.finish();
  };
}

/** A scope made after its response went out (nothing could have changed its headers): done, knowing how it was cached. */
function lateScope(c: Parameters<MiddlewareHandler<AppEnv>>[0], scope: Scope): void {
  scope.phase = 'done';
  const shared = c.res.status === 101 ? undefined : sharedCaching(c.res);
  if (shared !== undefined) scope.sentSharedCaching(shared);
}
