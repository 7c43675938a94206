import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * Runs before every route (pages, server functions, plain routes, not-found).
 * Return a `Response` to answer the request with it: later before hooks,
 * middleware and the route are skipped (after hooks still run).
 *
 * @example
 * ```ts
 * const requireUser: BeforeHook = async () => {
 *   if ((await session()).get('userId') === undefined) return new Response('Sign in first', { status: 401 });
 * };
 * ```
 */
export type BeforeHook = (c: Context<AppEnv>) => Response | void | Promise<Response | void>;

/**
 * Runs after every route, on every response (also before-hook answers and
 * error responses): read it as `c.res`, set headers with `c.header()`, or
 * return a `Response` to replace it (as with Hono's `c.res = …`, headers
 * already set on the old one are kept).
 *
 * @example
 * ```ts
 * const poweredBy: AfterHook = (c) => c.header('x-powered-by', 'litflare');
 * ```
 */
export type AfterHook = (c: Context<AppEnv>) => Response | void | Promise<Response | void>;

/**
 * The middleware that runs an app's before and after hooks around
 * everything registered after it. An error thrown by a before hook becomes
 * the app's error response (as Hono makes a route's error, which has then
 * been answered already), which the after hooks then see.
 *
 * @example
 * ```ts
 * app.use(beforeAfterHooks([auth], [poweredBy], (error, c) => c.text(error.message, 500)));
 * ```
 */
export function beforeAfterHooks(
  before: readonly BeforeHook[],
  after: readonly AfterHook[],
  onError: (error: Error, c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      let answered = false;
      for (const hook of before) {
        const response = await hook(c);
        if (response instanceof Response) {
          c.res = response;
          answered = true;
          break;
        }
      }
      if (!answered) await next();
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      // As Hono records a route's error: the request scope reads it to drop a failed request's session changes.
      c.error = error;
      c.res = await onError(error, c);
    }
    for (const hook of after) {
      const response = await hook(c);
      if (response instanceof Response) c.res = response;
    }
  };
}
