import type { Context } from 'hono';
import type { Islands } from '../../shared/islands.js';
import type { AppEnv } from '../env.js';
import type { SessionOptions } from '../session/options.js';
import type { Page } from '../page/render-page.js';
import type { ChunkOptions } from '../page/page-stream.js';
import type { RpcOptions } from '../rpc/handler.js';
import type { AllowedOrigins } from '../security/origin.js';
import type { AfterHook, BeforeHook } from './before-after-hooks.js';
import type { Layout } from './page-route.js';
import type { NavigationOptions } from '../navigation/navigation-options.js';
import type { ContentSecurityPolicy, SecureHeadersOptions } from '../security/security-headers.js';

/**
 * Options for {@link createApp}.
 *
 * @example
 * ```ts
 * const options: AppOptions = { session: { store: kvSessionStore('SESSIONS') }, allowOrigins: ['https://admin.example.com'] };
 * const app = createApp(options);
 * ```
 */
export interface AppOptions {
  /**
   * The document shell. Defaults to the app's `index.html` as Vite serves it
   * (development) or built it (production). It must contain `<!--ssr-outlet-->`.
   */
  shell?: string;
  /** Wraps the body of every page (and the not-found page) in shared markup; a page can opt out. */
  layout?: Layout;
  /**
   * Renders the page for an unknown path (status 404 unless it sets one).
   * Hono's `app.notFound(handler)` instead answers unknown paths with your
   * own `Response`.
   */
  notFoundPage?: (c: Context<AppEnv>) => Page | Promise<Page>;
  /**
   * Renders the page for an error thrown before the response started: gets
   * the error and its status (a `ServerError`'s or `HTTPException`'s, else
   * 500), which the page has unless it sets another. To answer some errors
   * with a `Response` of your own, use Hono's `app.onError()`.
   */
  errorPage?: (error: unknown, dev: boolean, status: number) => Page;
  /** Show error details in pages. @default import.meta.env.DEV */
  dev?: boolean;
  /** How the HTML stream sizes its chunks. */
  chunks?: ChunkOptions;
  /**
   * Milliseconds a server-data call (`ServerData`) may take while a page
   * renders; after that its element streams with the error state (a 504), so
   * the response always completes. @default 10_000
   */
  dataTimeout?: number;
  /**
   * Compress pages that stream server data. By default they are sent
   * unencoded (`Content-Encoding: identity`): gzip and brotli encoders hold
   * small writes until the response ends, which would hold the shell until
   * the slowest data arrives. Pages that render in one go are compressed as
   * usual. @default false
   */
  compressStreamedPages?: boolean;
  /**
   * Elements that hydrate later than the page (`idle`, `visible`) or never
   * (`none`); share it with the client's `hydrateIslands`. Page-level
   * instances of `idle` and `visible` elements are rendered deferred.
   */
  islands?: Islands;
  /** Server function calls: body size limit. */
  rpc?: RpcOptions;
  /**
   * Other origins allowed to send state-changing requests (form posts, server
   * function calls) besides the app's own. Everything else cross-site is a 403.
   */
  allowOrigins?: AllowedOrigins;
  /**
   * Run, in order, before every route: pages, server functions, plain routes
   * and the not-found page. The first that returns a `Response` answers the
   * request; the route never runs.
   */
  before?: BeforeHook | readonly BeforeHook[];
  /** Run, in order, after every route, on every response (also before-hook answers and errors). */
  after?: AfterHook | readonly AfterHook[];
  /** Sessions for `session()`: where they are stored, the cookie, expiry and size limit. */
  session?: SessionOptions;
  /**
   * Security headers on every response, by Hono's `secureHeaders()`: its
   * options, over litflare's defaults (Hono's, except that a header a route
   * set itself is kept, `X-Powered-By` is left alone, and there is no HSTS in
   * development). `false` sends none (and no CSP).
   */
  secureHeaders?: Omit<SecureHeadersOptions, 'contentSecurityPolicy'> | false;
  /**
   * The Content-Security-Policy, in Hono's `secureHeaders()` form. Include
   * `NONCE` (from `hono/secure-headers`) in `scriptSrc`: litflare puts each
   * response's nonce on the shell's scripts and on its own inline scripts.
   * `false` sends none. @default strictCsp
   */
  csp?: ContentSecurityPolicy | false;
  /**
   * User agents that get every page in order (each `ServerData` element
   * rendered in place, no swap script): clients that read pages but run no
   * script. @default defaultBots (crawlers and link-preview bots)
   */
  bots?: RegExp;
  /**
   * Instant navigations without a client router: prefetch same-origin links
   * with Speculation Rules as the visitor is about to follow them, and
   * animate page changes with cross-document View Transitions. Off unless set.
   */
  navigation?: NavigationOptions;
}
