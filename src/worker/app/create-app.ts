import { Hono, type Context } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.js';
import { renderPage, type Page } from '../ssr/page.js';
import type { ChunkOptions } from '../ssr/render-stream.js';
import { parseShell, type Shell } from '../ssr/shell.js';
import { appShell } from './app-shell.js';
import { defaultErrorPage, defaultNotFoundPage } from './error-pages.js';
import { toPage, type PageHandler } from './page-route.js';
import { mountRpc, type RpcOptions } from '../rpc/handler.js';
import { originAllowed, type AllowedOrigins } from '../rpc/origin.js';

/** Options for {@link createApp}. */
export interface AppOptions {
  /**
   * The document shell. Defaults to the app's `index.html` as Vite serves it
   * (development) or built it (production). It must contain `<!--ssr-outlet-->`.
   */
  shell?: string;
  /** Renders the page for an unknown path (status 404 unless it sets one). */
  notFound?: (c: Context<AppEnv>) => Page | Promise<Page>;
  /** Renders the page for an error thrown before the first byte (status 500 unless it sets one). */
  errorPage?: (error: unknown, dev: boolean) => Page;
  /** Show error details in pages. @default import.meta.env.DEV */
  dev?: boolean;
  /** How the HTML stream sizes its chunks. */
  chunks?: ChunkOptions;
  /** Server function calls: body size limit. */
  rpc?: RpcOptions;
  /**
   * Other origins allowed to send state-changing requests (form posts, server
   * function calls) besides the app's own. Everything else cross-site is a 403.
   */
  allowOrigins?: AllowedOrigins;
}

/**
 * A litflare app: a Hono app with page routes that render Lit templates as
 * streamed HTML. Add ordinary Hono routes and middleware to it as usual, and
 * `export default` it from the Worker entry.
 *
 * @example
 * ```ts
 * const app = createApp();
 * app.page('/', () => html`<hello-world></hello-world>`);
 * app.get('/health', (c) => c.text('ok'));
 * export default app;
 * ```
 */
export class LitflareApp extends Hono<AppEnv> {
  readonly #options: AppOptions;
  readonly #dev: boolean;

  constructor(options: AppOptions = {}) {
    super();
    this.#options = options;
    this.#dev = options.dev ?? import.meta.env.DEV;
    this.use(contextStorage());
    // Cross-site form posts: Hono's csrf guard, with the app's own allow-list.
    this.use(csrf({ origin: (origin, c) => originAllowed(origin, c, options.allowOrigins) }));
    this.notFound(async (c) => {
      const page = this.#options.notFound ? await this.#options.notFound(c) : defaultNotFoundPage(c.req.path);
      return this.render({ status: 404, ...page });
    });
    this.onError((error) => this.#errorResponse(error));
    // Server functions are mounted on the first request, after the app's own
    // middleware, so that middleware wraps them like every other route.
    const dispatch = this.fetch;
    let mounted = false;
    this.fetch = (request, env, executionCtx) => {
      if (!mounted) {
        mounted = true;
        mountRpc(this, { dev: this.#dev, allowOrigins: options.allowOrigins, ...options.rpc });
      }
      return dispatch(request, env, executionCtx);
    };
  }

  /**
   * Adds a page route: `handler` returns a Lit template, a {@link Page}, or a
   * `Response` (e.g. a redirect). Paths use Hono's syntax (`/users/:id`).
   *
   * @example
   * ```ts
   * app.page('/users/:id', (c) => ({
   *   title: `User ${c.req.param('id')}`,
   *   body: html`<user-card user-id=${c.req.param('id')}></user-card>`,
   * }));
   * ```
   */
  page(path: string, handler: PageHandler): this {
    this.get(path, async (c) => {
      const output = await handler(c);
      if (output instanceof Response) return output;
      return this.render(toPage(output));
    });
    return this;
  }

  /**
   * Renders a page into the shell as a streamed response, outside a page
   * route (e.g. from a plain Hono handler).
   *
   * @example
   * ```ts
   * app.get('/teapot', (c) => app.render({ status: 418, body: html`<h1>I'm a teapot</h1>` }));
   * ```
   */
  async render(page: Page): Promise<Response> {
    try {
      return await renderPage(page, await this.#shell(), { dev: this.#dev, ...this.#options.chunks });
    } catch (error) {
      return this.#errorResponse(error);
    }
  }

  async #errorResponse(error: unknown): Promise<Response> {
    if (error instanceof HTTPException) return error.getResponse();
    console.error('litflare: a page failed before its first byte', error);
    try {
      const page = (this.#options.errorPage ?? defaultErrorPage)(error, this.#dev);
      return await renderPage({ status: 500, ...page }, await this.#shell(), { dev: this.#dev });
    } catch (pageError) {
      console.error('litflare: the error page failed too', pageError);
      return new Response('Internal Server Error', {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  }

  async #shell(): Promise<Shell> {
    return parseShell(this.#options.shell ?? (await appShell()));
  }
}

/**
 * Creates a litflare app. See {@link LitflareApp}.
 *
 * @example
 * ```ts
 * import { createApp } from 'litflare/worker';
 * import { html } from 'lit';
 * import '../components/index.js';
 *
 * const app = createApp();
 * app.page('/', () => ({ title: 'Home', body: html`<app-home></app-home>` }));
 * export default app;
 * ```
 */
export function createApp(options: AppOptions = {}): LitflareApp {
  return new LitflareApp(options);
}
