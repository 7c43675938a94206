import { Hono, type Context, type ErrorHandler } from 'hono';
import { RPC_PATH } from '../../shared/rpc/protocol.js';
import type { SocketProtocol } from '../../shared/websocket/protocol.js';
import type { DurableObjectBindingName } from '../bindings/accessors.js';
import { requestScope } from '../context/request-scope.js';
import { scopeOf, type ScopeSettings } from '../context/scope.js';
import { runInContext, tryCurrentContext } from '../context/storage.js';
import type { AppEnv } from '../env.js';
import { defaultNotFoundPage } from '../errors/error-pages.js';
import { errorResponse } from '../errors/error-response.js';
import { CronHandlers, type CronHandler } from '../events/cron.js';
import { runInvocation } from '../events/invocation.js';
import { QueueConsumers, type QueueHandler } from '../events/queue.js';
import { appShell } from '../page/app-shell.js';
import { renderPage, type Page } from '../page/render-page.js';
import { parseShell, type Shell } from '../page/shell.js';
import { mountRpc } from '../rpc/handler.js';
import { bodyLimitOf, type BodyLimit } from '../rpc/read-args.js';
import { formRecordOf } from '../forms/form-record.js';
import { runFormPost } from '../forms/form-post.js';
import { defaultBots, rendersInOrder, type Streaming } from '../page/in-order.js';
import { checkCacheOptions, type CacheOptions } from '../cache/cache-options.js';
import { servePage, type RenderPage } from '../cache/page-cache.js';
import { prerenderedPage } from '../prerender/prerendered-page.js';
import { isPrerendering, mountPrerender, PrerenderRoutes, type Prerender } from '../prerender/prerender-routes.js';
import { formGuard } from '../security/form-guard.js';
import { securityHeaders, type PrebuiltHeaders } from '../security/security-headers.js';
import { sessionSettings } from '../session/options.js';
import { websocketRoute, type WebSocketRouteOptions } from '../websocket/route.js';
import type { AppOptions } from './app-options.js';
import { beforeAfterHooks } from './before-after-hooks.js';
import { registerBeforeRoutes } from './before-routes.js';
import type { AppErrorHandler, LitflareApp } from './litflare-app.js';
import { toPage, type Layout, type PageHandler } from './page-route.js';

/** The app {@link createApp} makes; its public face is {@link LitflareApp}. */
class App extends Hono<AppEnv> implements LitflareApp {
  readonly #options: AppOptions;
  readonly #dev: boolean;
  readonly #settings: ScopeSettings;
  readonly #crons = new CronHandlers();
  readonly #consumers = new QueueConsumers();
  readonly #formLimit: BodyLimit;
  readonly #prerender = new PrerenderRoutes();
  /** The secure headers pages are built with (undefined: none, or set by Hono on each response). */
  readonly #documentHeaders: PrebuiltHeaders | undefined;
  /** The app's error handler: litflare's, or the user's from `app.onError()` in front of it. */
  #errorHandler: ErrorHandler<AppEnv> = (error, c) => this.#errorResponse(error, c);
  declare onError: (handler: AppErrorHandler) => this;

  constructor(options: AppOptions = {}) {
    super();
    this.#options = options;
    this.#dev = options.dev ?? import.meta.env.DEV;
    // Forms posted to pages: the same body limit as server function calls.
    this.#formLimit = bodyLimitOf(options.rpc?.maxBodySize ?? 1_048_576);
    this.#settings = {
      dev: this.#dev,
      ...(options.session === undefined ? {} : { session: sessionSettings(options.session) }),
    };
    // The request's context and scope in one middleware (one step less for every request).
    const scope = requestScope(this.#settings);
    this.use((c, next) => runInContext(c, () => scope(c, next)));
    const headers = securityHeaders(options.secureHeaders, options.csp, this.#dev);
    this.#documentHeaders = headers?.documents;
    if (headers !== undefined) this.use(headers.middleware);
    this.use(formGuard(options.allowOrigins));
    const before = [options.before ?? []].flat();
    const after = [options.after ?? []].flat();
    if (before.length > 0 || after.length > 0) {
      // Errors go to the app's error handler of the moment: a user's app.onError(), then litflare's.
      this.use(beforeAfterHooks(before, after, (error, c) => this.#errorHandler(error, c)));
    }
    this.notFound(async (c) => {
      const page = this.#options.notFoundPage ? await this.#options.notFoundPage(c) : defaultNotFoundPage(c.req.path);
      return this.render({ status: 404, ...(await this.#withLayout(page, c, this.#options.layout)) });
    });
    const setErrorHandler = this.onError as unknown as (handler: ErrorHandler<AppEnv>) => this;
    this.onError = (handler) => {
      this.#errorHandler = async (error, c) => (await answerOf(handler, error, c)) ?? this.#errorResponse(error, c);
      return setErrorHandler(this.#errorHandler);
    };
    setErrorHandler(this.#errorHandler);
    registerBeforeRoutes(this, `${RPC_PATH}probe`, () => {
      mountRpc(this, { dev: this.#dev, allowOrigins: options.allowOrigins, answerHeaders: headers?.answers, ...options.rpc });
      mountPrerender(this, this.#prerender);
    });
  }

  readonly scheduled = (controller: ScheduledController, env: Cloudflare.Env, ctx: ExecutionContext): Promise<void> =>
    runInvocation('scheduled', this.#settings, env, ctx, () => this.#crons.run(controller));

  readonly queue = (batch: MessageBatch, env: Cloudflare.Env, ctx: ExecutionContext): Promise<void> =>
    runInvocation('queue', this.#settings, env, ctx, () => this.#consumers.run(batch));

  cron(schedule: string, handler: CronHandler): this;
  cron(handler: CronHandler): this;
  cron(schedule: string | CronHandler, handler?: CronHandler): this {
    if (typeof schedule === 'function') this.#crons.add(undefined, schedule);
    else if (handler !== undefined) this.#crons.add(schedule, handler);
    return this;
  }

  consumer<Body>(queue: string, handler: QueueHandler<Body>): this {
    this.#consumers.add(queue, handler);
    return this;
  }

  page<Path extends string>(
    path: Path,
    handler: PageHandler<Path>,
    options: { layout?: Layout | false; streaming?: Streaming; cache?: CacheOptions; prerender?: Prerender } = {},
  ): this {
    const layout = options.layout ?? this.#options.layout;
    const cache = options.cache;
    const prerender = options.prerender;
    if (prerender !== undefined) this.#prerender.add(path, prerender);
    if (cache !== undefined) checkCacheOptions(cache, `app.page('${path}')`);
    /** The page; with a status, rendered again after a form posted without JavaScript failed (in order: no script runs there). */
    const render = (c: Context<AppEnv, Path>, inOrder: boolean, status?: number): RenderPage => async (mode) => {
      const output = await handler(c);
      if (output instanceof Response) return { response: output, complete: () => true };
      let complete = true;
      const page = await this.#withLayout(toPage(output), c, layout);
      const response = await this.#render(status === undefined ? page : { ...page, status }, {
        inOrder,
        whole: mode === 'whole',
        onIncomplete: () => (complete = false),
      });
      return { response, complete: () => complete };
    };
    this.get(path, async (c) => {
      if (prerender !== undefined && isPrerendering(c)) return prerenderedPage(c, render(c, false));
      // Clients that run no script get the page in order, rendered for them (never the cached copy, which swaps data in with a script).
      if (rendersInOrder(c, options.streaming, this.#options.bots ?? defaultBots)) return (await render(c, true)('stream')).response;
      if (cache !== undefined) return servePage(c, cache, render(c, false), this.#dev);
      return (await render(c, false)('stream')).response;
    });
    // Forms posted without JavaScript to the page (`?lf-action=<id>`); any other post goes on (to a 404).
    this.post(path, async (c, next) => {
      const outcome = await runFormPost(c, this.#formLimit);
      if (outcome === undefined) return next();
      return outcome.kind === 'answer' ? outcome.response : (await render(c, true, outcome.status)('stream')).response;
    });
    return this;
  }

  async #withLayout(page: Page, c: Context<AppEnv>, layout: Layout | false | undefined): Promise<Page> {
    return layout ? { ...page, body: await layout(page.body, c) } : page;
  }

  websocket<P extends SocketProtocol = SocketProtocol>(path: string, binding: DurableObjectBindingName, options: WebSocketRouteOptions<P> = {}): this {
    this.get(path, websocketRoute(path, binding, options, this.#options.allowOrigins));
    return this;
  }

  render(page: Page): Promise<Response> {
    const c = tryCurrentContext();
    return this.#render(page, { inOrder: c !== undefined && rendersInOrder(c, undefined, this.#options.bots ?? defaultBots) });
  }

  /** Renders a page; `whole`: read in full by the caller (the edge cache), within the request, so it never continues after the headers. */
  async #render(page: Page, how: { inOrder?: boolean; whole?: boolean; onIncomplete?: () => void }): Promise<Response> {
    const c = tryCurrentContext();
    try {
      return await renderPage(page, await this.#shell(), {
        inOrder: how.inOrder === true,
        form: c === undefined ? undefined : formRecordOf(c),
        dev: this.#dev,
        dataTimeout: this.#options.dataTimeout,
        compressStreamedPages: this.#options.compressStreamedPages,
        islands: this.#options.islands,
        navigation: this.#options.navigation,
        nonce: c?.get('secureHeadersNonce'),
        secureHeaders: this.#documentHeaders,
        ...this.#options.chunks,
        // A page that streams on renders request code after the headers went out.
        // (The request's scope is made then: most pages never need one.) Not for a page read whole (the edge cache).
        onContinue: c === undefined || how.whole === true ? undefined : () => scopeOf(c)?.continueAfterHeaders() ?? noWork,
        onFail: () => (c === undefined ? undefined : scopeOf(c)?.fail()),
        onIncomplete: how.onIncomplete,
      });
    } catch (error) {
      // Before the first byte: the request's error, for the app's error handler (litflare's, or the user's app.onError).
      if (c === undefined) return this.#errorResponse(error, c);
      throw error instanceof Error ? error : new Error(String(error));
    }
  }

  #errorResponse(error: unknown, c: Context<AppEnv> | undefined): Promise<Response> {
    return errorResponse(error, c, {
      dev: this.#dev,
      errorPage: this.#options.errorPage,
      shell: () => this.#shell(),
    });
  }

  async #shell(): Promise<Shell> {
    return parseShell(this.#options.shell ?? (await appShell()));
  }
}

const noWork = async (): Promise<void> => {};

/**
 * Creates a litflare app: a Hono app with pages, server functions, sessions,
 * hooks and security headers wired (see {@link LitflareApp}).
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
  return new App(options);
}

/** What the user's `app.onError()` handler answered; nothing (also when it threw itself) leaves the error to litflare. */
async function answerOf(handler: AppErrorHandler, error: Parameters<ErrorHandler<AppEnv>>[0], c: Context<AppEnv>): Promise<Response | undefined> {
  try {
    const response = await handler(error, c);
    return response instanceof Response ? response : undefined;
  } catch (handlerError) {
    console.error('litflare: the app’s onError threw; answering with the default error response', handlerError);
    return undefined;
  }
}
