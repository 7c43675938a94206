import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { ServerError } from '../../shared/server-error.js';
import type { AppEnv } from '../env.js';
import { originAllowed, type AllowedOrigins } from './origin.js';

/**
 * Hono's `csrf()` guard against cross-site form posts, with the app's own
 * allow-list. It is applied to browser requests: ones that carry `Origin` or
 * `Sec-Fetch-Site` (every browser sends one of them with a POST). A request
 * with neither comes from a script or server, which cannot ride on a user's
 * cookies, so it passes instead of being refused for a missing header. A
 * refused post is a `ServerError(403)` saying why (Hono's own refusal has no
 * message), answered like every other error: a page, or an RPC error.
 *
 * @example
 * ```ts
 * app.use(formGuard(['https://admin.example.com']));
 * ```
 */
export function formGuard(allowOrigins?: AllowedOrigins): MiddlewareHandler<AppEnv> {
  const guard = csrf({ origin: (origin, c) => originAllowed(origin, c, allowOrigins) });
  return async (c, next) => {
    if (c.req.header('origin') === undefined && c.req.header('sec-fetch-site') === undefined) return next();
    let passed = false;
    try {
      return await guard(c, () => ((passed = true), next()));
    } catch (error) {
      // Only the guard's own refusal; errors from further down pass as they are.
      if (!passed && error instanceof HTTPException && error.status === 403) {
        throw new ServerError(403, 'This form was sent from another site: cross-site form posts are refused.');
      }
      throw error;
    }
  };
}
