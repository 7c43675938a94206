import type { Context, ErrorHandler, Hono } from 'hono';
import type { SocketProtocol } from '../../shared/websocket/protocol.js';
import type { DurableObjectBindingName } from '../bindings/accessors.js';
import type { AppEnv } from '../env.js';
import type { CronHandler } from '../events/cron.js';
import type { QueueHandler } from '../events/queue.js';
import type { Page } from '../page/render-page.js';
import type { WebSocketRouteOptions } from '../websocket/route.js';
import type { Streaming } from '../page/in-order.js';
import type { CacheOptions } from '../cache/cache-options.js';
import type { Prerender } from '../prerender/prerender-routes.js';
import type { Layout, PageHandler } from './page-route.js';

/**
 * What `app.onError()` takes: Hono's error handler, which may also return
 * nothing to leave the error to litflare's answer (its error page, the RPC
 * error of a server function call, a redirect).
 *
 * @example
 * ```ts
 * app.onError((error, c) => (error instanceof RangeError ? c.json({ error: error.message }, 400) : undefined));
 * ```
 */
export type AppErrorHandler = (error: Parameters<ErrorHandler<AppEnv>>[0], c: Context<AppEnv>) => Response | void | Promise<Response | void>;

/**
 * A litflare app, as `createApp()` makes it: a Hono app with page routes that
 * render Lit templates as streamed HTML, server functions, WebSocket routes,
 * cron triggers and queue consumers. Add ordinary Hono routes and middleware
 * to it as usual (middleware first: server functions are served from where
 * the first route is added), `export default` it from the Worker entry or
 * mount it into another Hono app with `route()`.
 *
 * @example
 * ```ts
 * const app: LitflareApp = createApp();
 * app.page('/', () => html`<hello-world></hello-world>`);
 * app.get('/health', (c) => c.text('ok'));
 * export default app;
 * ```
 */
export interface LitflareApp extends Hono<AppEnv> {
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
   * app.page('/board', boardPage, { streaming: 'in-order' }); // complete HTML for every client
   * app.page('/about', about, { cache: { maxAge: 60, staleWhileRevalidate: 600 } }); // paid for once a minute
   * app.page('/posts/:id', post, { prerender: ['/posts/1', '/posts/2'] });             // static files from vite build
   * ```
   *
   * The page also takes the forms that post to it without JavaScript
   * (`POST <path>?lf-action=<id>`, see `serverFn({ form: true })`).
   */
  page<Path extends string>(
    path: Path,
    handler: PageHandler<Path>,
    options?: { layout?: Layout | false; streaming?: Streaming; cache?: CacheOptions; prerender?: Prerender },
  ): this;

  /**
   * Renders a page into the shell as a streamed response, outside a page
   * route (e.g. from a plain Hono handler).
   *
   * @example
   * ```ts
   * app.get('/teapot', (c) => app.render({ status: 418, body: html`<h1>I'm a teapot</h1>` }));
   * ```
   */
  render(page: Page): Promise<Response>;

  /**
   * Adds a WebSocket route: an upgrade for `path` goes to the Durable Object
   * of namespace `binding` named by the path's parameter (the same object for
   * the same name), e.g. a `SocketServer`. A request that is not an upgrade
   * gets 426, a cross-origin upgrade 403 (`allowOrigins` applies), a
   * malformed name 400. `props` tells the object what the Worker decided
   * about the connection (typed by the protocol's `props`).
   *
   * @example
   * ```ts
   * app.websocket('/ws/:room', 'CHAT');
   * app.websocket('/teams/:team/ws/:board', 'BOARDS', { param: 'board', names: /^[a-z0-9-]{1,40}$/ });
   * app.websocket<ChatProtocol>('/ws/:room', 'CHAT', { props: async () => ({ user: (await session()).get('user') }) });
   * ```
   */
  websocket<P extends SocketProtocol = SocketProtocol>(path: string, binding: DurableObjectBindingName, options?: WebSocketRouteOptions<P>): this;

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
  consumer<Body>(queue: string, handler: QueueHandler<Body>): this;

  /**
   * Hono's `onError()`: sees every error thrown by a hook, middleware or
   * route, and by a page before its first byte (not a server function's own
   * errors: they go back to its caller). Return a `Response` to answer with
   * it; return nothing, or throw, for litflare's answer (see the README's
   * "Errors and redirects"). Either way a request that ends in a server
   * error (5xx) drops its session changes.
   *
   * @example
   * ```ts
   * app.onError((error, c) => (error instanceof RangeError ? c.json({ error: error.message }, 400) : undefined));
   * ```
   */
  onError: (handler: AppErrorHandler) => this;

  /** The Worker's `scheduled` handler (export the app as default): runs the handlers added with {@link cron}. */
  readonly scheduled: (controller: ScheduledController, env: Cloudflare.Env, ctx: ExecutionContext) => Promise<void>;

  /** The Worker's `queue` handler (export the app as default): hands each message to its queue's {@link consumer}. */
  readonly queue: (batch: MessageBatch, env: Cloudflare.Env, ctx: ExecutionContext) => Promise<void>;
}
