import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { scopeOf, type Invocation, type Scope } from './scope.js';
import { tryCurrentContext } from './storage.js';

const WHERE: Record<Exclude<Invocation, 'fetch'>, string> = {
  scheduled: 'a scheduled (cron) handler',
  queue: 'a queue consumer',
};

/**
 * The Hono context of the invocation in progress (request, cron run or queue
 * batch), read from litflare's context storage. `accessor` names the caller in
 * the error thrown when there is none.
 *
 * @example
 * ```ts
 * const c = currentContext('env()');
 * ```
 */
export function currentContext(accessor: string): Context<AppEnv> {
  const c = tryCurrentContext();
  if (c === undefined) {
    throw new Error(
      `litflare: ${accessor} was called outside a request. It reads the current request, cron run or queue ` +
        'batch, which exists only while litflare handles one: not at module top level, and not in a timer or ' +
        'promise started outside one. Call it from a route, page, server function, hook or handler.',
    );
  }
  return c;
}

/**
 * The litflare scope of the invocation in progress.
 *
 * @example
 * ```ts
 * currentScope('setCookie()').cookies.push('a=1; Path=/');
 * ```
 */
export function currentScope(accessor: string): Scope {
  const scope = scopeOf(currentContext(accessor));
  if (scope === undefined) {
    throw new Error(
      `litflare: ${accessor} needs a litflare app: this request is handled by a Hono app that createApp() did ` +
        'not create. Mount your routes on the app createApp() returns.',
    );
  }
  return scope;
}

/**
 * The scope of the HTTP request in progress; a cron run or a queue batch has
 * no request, cookies or session, and gets an error saying so.
 *
 * @example
 * ```ts
 * const scope = httpScope('session()');
 * ```
 */
export function httpScope(accessor: string): Scope {
  const scope = currentScope(accessor);
  assertRequest(scope, accessor);
  return scope;
}

/**
 * Throws when `scope` belongs to a cron run or a queue batch, which have no
 * HTTP request.
 *
 * @example
 * ```ts
 * assertRequest(scopeOf(c), 'request()');
 * ```
 */
export function assertRequest(scope: Scope | undefined, accessor: string): void {
  if (scope === undefined || scope.invocation === 'fetch') return;
  throw new Error(
    `litflare: ${accessor} is not available in ${WHERE[scope.invocation]}: there is no HTTP request, so no ` +
      'request, cookies or session. Bindings, env() and waitUntil() work there.',
  );
}
