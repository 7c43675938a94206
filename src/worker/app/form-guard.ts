import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../env.js';
import { originAllowed, type AllowedOrigins } from '../rpc/origin.js';

/**
 * Hono's `csrf()` guard against cross-site form posts, with the app's own
 * allow-list. It is applied to browser requests: ones that carry `Origin` or
 * `Sec-Fetch-Site` (every browser sends one of them with a POST). A request
 * with neither comes from a script or server, which cannot ride on a user's
 * cookies, so it passes instead of being refused for a missing header.
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
    return guard(c, next);
  };
}
