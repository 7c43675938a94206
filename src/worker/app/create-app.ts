import { Hono, type Context, type ErrorHandler } from 'hono';
import { RPC_PATH } from '../../shared/rpc/protocol.js';
import { scopeOf, type ScopeSettings } from '../context/scope.js';
import { requestContext, tryCurrentContext } from '../context/storage.js';
import type { AppEnv } from '../env.js';
import { CronHandlers, type CronHandler } from '../events/cron.js';
import { runInvocation } from '../events/invocation.js';
import { QueueConsumers, type QueueHandler } from '../events/queue.js';
import { sessionSettings } from '../session/options.js';
import { renderPage, type Page } from '../page/render-page.js';
import { parseShell, type Shell } from '../page/shell.js';
import { appShell } from '../page/app-shell.js';
import { registerBeforeRoutes } from './before-routes.js';
import { defaultNotFoundPage } from '../errors/error-pages.js';
import { errorResponse } from '../errors/error-response.js';
import { beforeAfterHooks } from './before-after-hooks.js';
import { toPage, type Layout, type PageHandler } from './page-route.js';
import { requestScope } from '../context/request-scope.js';
import { mountRpc } from '../rpc/handler.js';
import { formGuard } from '../security/form-guard.js';
import { securityHeaders } from '../security/security-headers.js';
import type { DurableObjectBindingName } from '../bindings/accessors.js';
import { websocketRoute, type WebSocketRouteOptions } from '../websocket/route.js';
import type { AppOptions } from './app-options.js';

/**
 * A litflare app: a Hono app with page routes that render Lit templates as
 * streamed HTML. Add ordinary Hono routes and middleware to it as usual
 * (middleware first: server functions are served from where the first route
 * is added), `export default` it from the Worker entry or mount it into
 * another Hono app with `route()`.
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
  readonly #settings: ScopeSettings;
  readonly #crons = new CronHandlers();
  readonly #consumers = new QueueConsumers();
  /** The app's error handler: litflare's, until the user sets their own with `app.onError()`. */
  #errorHandler: ErrorHandler<AppEnv> = (error, c) => this.#errorResponse(error, c);

  constructor(options: AppOptions = {}) {
    super();
    this.#options = options;
    this.#dev = options.dev ?? import.meta.env.DEV;
    this.#settings = {
      dev: this.#dev,
      ...(options.session === undefined ? {} : { session: sessionSettings(options.session) }),
    };
    this.use(requestContext(), requestScope(this.#settings));
    const headers = securityHeaders(options.secureHeaders, options.csp, this.#dev);
    if (headers !== undefined) this.use(headers);
    this.use(formGuard(options.allowOrigins));
    const before = [options.before ?? []].flat();
    const after = [options.after ?? []].flat();
    if (before.length > 0 || after.length > 0) {
      // Errors go to the app's error handler of the moment: a user's app.onError() replaces litflare's.
      this.use(beforeAfterHooks(before, after, (error, c) => this.#errorHandler(error, c)));
    }
    this.notFound(async (c) => {
      const page = this.#options.notFound ? await this.#options.notFound(c) : defaultNotFoundPage(c.req.path);
      return this.render({ status: 404, ...(await this.#withLayout(page, c, this.#options.layout)) });
    });
    const onError = this.onError;
    this.onError = (handler) => {
      this.#errorHandler = handler;
      return onError(handler);
    };
    this.onError(this.#errorHandler);
    registerBeforeRoutes(this, `${RPC_PATH}probe`, () =>
      mountRpc(this, { dev: this.#dev, allowOrigins: options.allowOrigins, ...options.rpc }),
    );
  }

  /**
   * The Worker's `scheduled` handler (export the app as default): runs the
   * handlers registered with {@link cron} for the schedule that fired.
   */
  readonly scheduled = (controller: ScheduledController, env: Cloudflare.Env, ctx: ExecutionContext): Promise<void> =>
    runInvocation('scheduled', this.#settings, env, ctx, () => this.#crons.run(controller));

  /**
   * The Worker's `queue` handler (export the app as default): hands each
   * message to the consumer registered with {@link consumer} for its queue.
   */
  readonly queue = (batch: MessageBatch, env: Cloudflare.Env, ctx: ExecutionContext): Promise<void> =>
    runInvocation('queue', this.#settings, env, ctx, () => this.#consumers.run(batch));

  /**
   * Adds a cron handler for `schedule` (a cron expression exactly as in
   * wrangler.toml `[triggers] crons`), or for every schedule when it is
   * left out.
   *
   * @example
   * ```ts
   * app.cron('0 * * * *', async (controller) => {
   *   await d1('DB').prepare('INSERT INTO ticks (at) VALUES (?)').bind(controller.scheduledTime).run();
   * });
   * ```
   */
  cron(schedule: string, handler: CronHandler): this;
  cron(handler: CronHandler): this;
  cron(schedule: string | CronHandler, handler?: CronHandler): this {
    if (typeof schedule === 'function') this.#crons.add(undefined, schedule);
    else if (handler !== undefined) this.#crons.add(schedule, handler);
    return this;
  }

  /**
   * Adds the consumer for queue `queue` (the queue's name, as in
   * wrangler.toml `[[queues.consumers]]`). It gets each message typed by
   * `Body`; returning acks it, throwing retries it.
   *
   * @example
   * ```ts
   * app.consumer<{ todoId: number }>('litflare-tasks', async (message) => {
   *   await d1('DB').prepare('UPDATE todos SET done = 1 WHERE id = ?').bind(message.body.todoId).run();
   * });
   * ```
   */
  consumer<Body>(queue: string, handler: QueueHandler<Body>): this {
    this.#consumers.add(queue, handler);
    return this;
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
   * app.page('/print', printView, { layout: false }); // without the app's layout
   * ```
   */
  page(path: string, handler: PageHandler, options: { layout?: Layout | false } = {}): this {
    const layout = options.layout ?? this.#options.layout;
    this.get(path, async (c) => {
      const output = await handler(c);
      if (output instanceof Response) return output;
      return this.render(await this.#withLayout(toPage(output), c, layout));
    });
    return this;
  }

  async #withLayout(page: Page, c: Context<AppEnv>, layout: Layout | false | undefined): Promise<Page> {
    return layout ? { ...page, body: await layout(page.body, c) } : page;
  }

  /**
   * Adds a WebSocket route: an upgrade for `path` goes to the Durable Object
   * of namespace `binding` named by the path's parameter (the same object for
   * the same name), e.g. a `SocketServer`. A request that is not an upgrade
   * gets 426, a cross-origin upgrade 403 (`allowOrigins` applies), a
   * malformed name 400.
   *
   * @example
   * ```ts
   * app.websocket('/ws/:room', 'CHAT');
   * app.websocket('/teams/:team/ws/:board', 'BOARDS', { param: 'board', names: /^[a-z0-9-]{1,40}$/ });
   * ```
   */
  websocket(path: string, binding: DurableObjectBindingName, options: WebSocketRouteOptions = {}): this {
    this.get(path, websocketRoute(path, binding, options, this.#options.allowOrigins));
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
    const c = tryCurrentContext();
    const scope = c === undefined ? undefined : scopeOf(c);
    try {
      return await renderPage(page, await this.#shell(), {
        dev: this.#dev,
        dataTimeout: this.#options.dataTimeout,
        compressStreamedPages: this.#options.compressStreamedPages,
        islands: this.#options.islands,
        nonce: c?.get('secureHeadersNonce'),
        ...this.#options.chunks,
        // A page that streams on renders request code after the headers went out.
        onContinue: scope === undefined ? undefined : () => scope.continueAfterHeaders(),
        onFail: () => scope?.fail(),
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
      onError: this.#options.onError,
      shell: () => this.#shell(),
    });
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
