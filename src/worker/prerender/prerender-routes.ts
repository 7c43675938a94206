import type { Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';

/** Where the build asks the Worker which paths to prerender. */
export const PRERENDER_PATH = '/_lf/prerender';
/** The request header that carries the build's token. */
export const PRERENDER_HEADER = 'x-litflare-prerender';
/** The `[vars]` entry the build sets on the built Worker while it prerenders (never deployed). */
export const PRERENDER_VAR = 'LITFLARE_PRERENDER_TOKEN';

/**
 * Which paths of a page `vite build` renders into static files: `true` for a
 * path without parameters, a list of paths for a dynamic route, or a function
 * that returns them (it runs in the built Worker at build time, so it may
 * read D1 or KV).
 *
 * @example
 * ```ts
 * app.page('/posts/:id', postPage, { prerender: async () => (await listPosts()).map((p) => `/posts/${p.id}`) });
 * ```
 */
export type Prerender = true | readonly string[] | (() => readonly string[] | Promise<readonly string[]>);

/** The prerendered pages of an app, as `app.page()` declared them. */
export class PrerenderRoutes {
  readonly #routes: { path: string; prerender: Prerender }[] = [];

  /** Records a page's `prerender` option, refusing one that cannot work. */
  add(path: string, prerender: Prerender): void {
    if (prerender === true && /[:*]/.test(path)) {
      throw new TypeError(
        `litflare: app.page('${path}', …, { prerender: true }): a route with parameters needs the paths to prerender: ` +
          `prerender: ['${path.replace(/:(\w+)/g, '1')}', …] or a function that returns them.`,
      );
    }
    this.#routes.push({ path, prerender });
  }

  /** Whether any page is prerendered. */
  get any(): boolean {
    return this.#routes.length > 0;
  }

  /** Every path to prerender, checked (absolute, no query or fragment), once each. */
  async paths(): Promise<string[]> {
    const paths = new Set<string>();
    for (const { path, prerender } of this.#routes) {
      const list = prerender === true ? [path] : typeof prerender === 'function' ? await prerender() : prerender;
      for (const one of list) {
        if (typeof one !== 'string' || !one.startsWith('/') || /[?#]/.test(one) || one.includes('..')) {
          throw new TypeError(`litflare: app.page('${path}') prerenders ${JSON.stringify(one)}: a path starting with /, without a query, fragment or "..".`);
        }
        paths.add(one.length > 1 ? one.replace(/\/+$/, '') : one);
      }
    }
    return [...paths];
  }
}

/**
 * Answers the build's question (`GET /_lf/prerender` with the token of the
 * `LITFLARE_PRERENDER_TOKEN` var, which only the build sets) with the paths to
 * prerender; anything else there is left to the app (a 404).
 *
 * @example
 * ```ts
 * mountPrerender(app, routes);
 * ```
 */
export function mountPrerender(app: Hono<AppEnv>, routes: PrerenderRoutes): void {
  app.get(PRERENDER_PATH, async (c, next) => {
    if (!isPrerendering(c)) return next();
    return c.json(await routes.paths());
  });
}

/**
 * Whether this request comes from `vite build` prerendering the app.
 *
 * @example
 * ```ts
 * if (isPrerendering(c)) return c.json(paths);
 * ```
 */
export function isPrerendering(c: Context<AppEnv>): boolean {
  const token = (c.env as unknown as Record<string, unknown> | undefined)?.[PRERENDER_VAR];
  return typeof token === 'string' && token.length >= 32 && c.req.header(PRERENDER_HEADER) === token;
}
