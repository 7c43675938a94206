import type { Context } from 'hono';
import type { Scope } from '../context/scope.js';
import type { AppEnv } from '../env.js';

/**
 * Whether an answer declared cacheable may be cached: not when it read the
 * visitor (the session, a cookie) or sets a cookie. In development that is an
 * error naming what it read; in production the answer goes out
 * `private, no-store` (the caller's job) with a warning, and is not stored.
 *
 * @example
 * ```ts
 * if (!mayCache(c, scopeOf(c), dev, 'page')) return privately(response);
 * ```
 */
export function mayCache(c: Context<AppEnv>, scope: Scope | undefined, dev: boolean, what: string): boolean {
  const because = scope?.personalBecause;
  if (because === undefined) return true;
  const message =
    `litflare: ${c.req.method} ${c.req.path} is a ${what} declared cacheable (its cache option), but it ` +
    `${because === 'setCookie()' ? 'sets a cookie' : `read ${because}`}: what it shows belongs to one visitor, ` +
    'and a cache would give it to every visitor.';
  if (dev) {
    throw new Error(
      `${message} Drop the cache option, or leave the visitor out of it (let a component ask a server function in the browser).`,
    );
  }
  console.warn(`${message} Sent as "private, no-store" and not cached.`);
  return false;
}
