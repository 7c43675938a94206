import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { existingScope } from './scope.js';

/** What the async context holds for an invocation: its Hono context, until the invocation is over. */
interface Slot {
  c: Context<AppEnv> | undefined;
}

// Why not Hono's contextStorage(): it keeps the context itself in the async
// context, and in workerd every request's context then stays in memory for
// good (measured: +10 KB per request, linear, where the same app without it
// levels off). Holding it through a slot that is emptied once the invocation
// is over lets it go.
const storage = new AsyncLocalStorage<Slot>();

/**
 * The Hono context of the invocation in progress, or `undefined` outside one
 * (and after it is over).
 *
 * @example
 * ```ts
 * const c = tryCurrentContext();
 * ```
 */
export function tryCurrentContext(): Context<AppEnv> | undefined {
  return storage.getStore()?.c;
}

/**
 * Runs `work` as the invocation of `c` and lets go of `c` once it is over:
 * when its scope is done (after a streamed body has ended) and the promises
 * given to `waitUntil()` have settled; at once if it has no scope.
 *
 * @example
 * ```ts
 * await runInContext(c, () => handler(controller));
 * ```
 */
export async function runInContext<T>(c: Context<AppEnv>, work: () => Promise<T>): Promise<T> {
  const slot: Slot = { c };
  try {
    return await storage.run(slot, work);
  } finally {
    const scope = existingScope(c);
    if (scope === undefined) slot.c = undefined;
    else scope.whenOver(() => (slot.c = undefined));
  }
}

/**
 * Middleware that makes each request's context current for everything that
 * handles it (litflare's accessors read it).
 *
 * @example
 * ```ts
 * app.use(requestContext(), requestScope(settings));
 * ```
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return (c, next) => runInContext(c, next);
}
