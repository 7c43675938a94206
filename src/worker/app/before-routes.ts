import type { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import type { AppEnv } from '../env.js';

// Everything that adds a route to a Hono app, reads its routes, or serves it.
const ROUTE_ADDERS = ['get', 'post', 'put', 'delete', 'options', 'patch', 'all', 'on', 'route', 'mount', 'basePath', 'fetch'] as const;

type Methods = Record<(typeof ROUTE_ADDERS)[number] | 'use', (...args: unknown[]) => unknown>;

/**
 * Calls `register` once, at the one point in Hono's order where the routes it
 * adds (litflare's server functions) behave like any route the app adds
 * itself, and are safe: after the middleware the app got before its first
 * route (so an `app.use(auth)` guards them as it guards pages), and ahead of
 * every route (so a catch-all `app.get('*')` never answers them). That point
 * is just before the first route is added, or, if none is, when the app is
 * first served, mounted into another app (`route()` copies its routes) or
 * cloned (`basePath()`). Middleware whose path covers `probe` and that is
 * added after that point does not run for those routes (as for any route
 * added before it, in Hono): it gets a warning saying so.
 *
 * @example
 * ```ts
 * registerBeforeRoutes(app, '/_lf/rpc/probe', () => mountRpc(app, options));
 * ```
 */
export function registerBeforeRoutes(app: Hono<AppEnv>, probe: string, register: () => void): void {
  const methods = app as unknown as Methods;
  let registered = false;
  let addingMiddleware = false;
  const ensure = (): void => {
    if (registered) return;
    registered = true;
    register();
  };
  for (const name of ROUTE_ADDERS) {
    const original = methods[name];
    methods[name] = (...args) => {
      ensure();
      return original.apply(app, args);
    };
  }
  const use = methods.use;
  methods.use = (...args) => {
    if (registered && covers(args[0], probe)) {
      console.warn(
        `litflare: app.use() after the app's first route: this middleware does not run for server function calls ` +
          `(nor for the routes added before it). Add middleware before routes, or use createApp({ before }).`,
      );
    }
    addingMiddleware = true;
    try {
      return use.apply(app, args);
    } finally {
      addingMiddleware = false;
    }
  };
  // A parent's `route('/', app)` reads the routes to copy them; Hono itself
  // reads them on every registration, where only `use()` must not register.
  let routes = app.routes;
  Object.defineProperty(app, 'routes', {
    configurable: true,
    enumerable: true,
    get: () => {
      if (!addingMiddleware) ensure();
      return routes;
    },
    set: (value: typeof routes) => {
      routes = value;
    },
  });
}

/** Whether middleware added with `use(first, …)` would run for a request to `probe`. */
function covers(first: unknown, probe: string): boolean {
  const router = new TrieRouter<true>();
  router.add('ALL', typeof first === 'string' ? first : '*', true);
  return router.match('POST', probe)[0].length > 0;
}
