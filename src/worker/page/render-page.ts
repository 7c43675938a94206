import type { FormRecord } from '../../shared/forms/form-state.js';
import type { Renderable } from './chunk-writer.js';
import { pageRenderer } from '../renderer/page-renderer.js';
import { litflareRendererWorks } from '../renderer/lit-seam-check.js';
import { renderPageStream, type ChunkOptions, type PageStreamOptions } from './page-stream.js';
import type { Islands } from '../../shared/islands.js';
import { type Shell, titleTag } from './shell.js';
import { withNonce } from './shell-nonce.js';
import { lateErrorMarker } from './late-error.js';
import { devErrorScript } from './dev-error-script.js';
import { HydrationData } from './hydration-data.js';
import { elementMarks } from './element-marks.js';
import { Boundaries } from './boundaries.js';
import { withinRender } from './server-data-backend.js';
import { errorStatus } from '../errors/error-status.js';
import { navigationHead, type NavigationOptions } from '../navigation/navigation-options.js';
import type { PrebuiltHeaders } from '../security/security-headers.js';

/**
 * What a page route renders: a body (usually a Lit `html` template) and,
 * optionally, a title, extra head tags, a status and headers.
 *
 * @example
 * ```ts
 * app.page('/about', () => ({
 *   title: 'About us',
 *   head: html`<meta name="description" content="Who we are">`,
 *   body: html`<about-page></about-page>`,
 * }));
 * ```
 */
export interface Page {
  /** The page content, rendered into the shell's `<!--ssr-outlet-->`. */
  body: unknown;
  /** Replaces the shell's `<title>`. */
  title?: string;
  /** Extra tags for `<head>` (a Lit template or trusted markup). */
  head?: unknown;
  /** Response status. @default 200 */
  status?: number;
  /** Extra response headers. */
  headers?: HeadersInit;
}

/** Options for {@link renderPage}. */
export interface RenderPageOptions extends ChunkOptions {
  /** Show error details in the page (development). */
  dev: boolean;
  /** See {@link PageStreamOptions.onContinue}. */
  onContinue?: PageStreamOptions['onContinue'];
  /** Milliseconds a server-data call may take before its element renders the error state. @default 10_000 */
  dataTimeout?: number;
  /** Let the platform compress pages that stream server data (it may then hold the shell back). @default false */
  compressStreamedPages?: boolean;
  /** Elements that hydrate later than the page, or never. */
  islands?: Islands;
  /** This response's CSP nonce: put on the shell's scripts and litflare's inline scripts. */
  nonce?: string;
  /** Speculation Rules and View Transitions in the page's `<head>`. */
  navigation?: NavigationOptions;
  /** The app's secure headers, built once: the response is made with them (and its nonce). */
  secureHeaders?: PrebuiltHeaders | undefined;
  /** Called when rendering fails after the first byte with a server error (5xx), before the stream ends. */
  onFail?: () => void;
  /** Render server data in place, waiting for it, with no swap script (clients that run no script). */
  inOrder?: boolean;
  /** A form posted without JavaScript that failed: carried to the browser for `formState()`. */
  form?: FormRecord;
  /** Called when rendering stops after the first byte for any reason (an error, a redirect): the page is incomplete. */
  onIncomplete?: () => void;
  /**
   * The error this page reports (an error page), handed to the browser's
   * error overlay when `dev` is on. Production pages never carry it.
   */
  error?: unknown;
}

/**
 * Renders a page into the document shell as a streamed HTML response. The
 * first chunk is rendered before this resolves: an error there rejects (so
 * the caller can answer with an error page and its status); an error later
 * ends the stream with a visible marker (a redirect with a meta refresh) and,
 * when it is a server error, is logged.
 *
 * @example
 * ```ts
 * const response = await renderPage({ body: html`<my-app></my-app>` }, parseShell(indexHtml), { dev: false });
 * ```
 */
export async function renderPage(page: Page, appShell: Shell, options: RenderPageOptions): Promise<Response> {
  const shell = withNonce(appShell, options.nonce);
  const data = new HydrationData();
  if (options.form !== undefined) data.addForm(options.form);
  // In order needs litflare's renderer (it holds an element where it stands); @lit-labs/ssr's streams out of order.
  const inOrder = options.inOrder === true && litflareRendererWorks();
  const boundaries = new Boundaries(data, { timeout: options.dataTimeout ?? 10_000, dev: options.dev, nonce: options.nonce, inOrder });
  const renderer = pageRenderer(elementMarks(data, boundaries, options.islands));
  const content = renderer.render(page.body);
  const parts: Renderable[] = [
    shell.start,
    titleTag(page.title ?? shell.title),
    renderHead(page.head),
    navigationHead(options.navigation, options.nonce),
    shell.middle,
    content,
    lazy(() => data.script()),
    options.dev && 'error' in options ? devErrorScript(options.error) : '',
    boundaries.stream(renderer),
    shell.end,
  ];
  const { body } = await renderPageStream(parts, {
    ...options,
    within: (fill) => withinRender(boundaries, fill),
    onLateError: (error) => {
      options.onIncomplete?.();
      // A redirect or a deliberate 4xx is the page's answer, not a failure.
      if (errorStatus(error) >= 500) {
        console.error('litflare: rendering failed after the response had started', error);
        options.onFail?.();
      }
      return lateErrorMarker(error, content, options.dev) + shell.end;
    },
  });
  const secure = options.secureHeaders;
  // A route's own header is kept over a secure header (unless the app said `overwrite: true`).
  const prebuilt = secure === undefined || (secure.overwrite && page.headers !== undefined) ? undefined : secure.headers(options.nonce);
  const headers = prebuilt === undefined ? new Headers(page.headers) : withOwn(prebuilt, page.headers);
  headers.set('content-type', 'text/html; charset=utf-8');
  // A gzip or brotli encoder holds small writes until the response ends (workerd
  // flushes only event streams), which would hold the shell until the slowest
  // data arrives. A page still loading data is sent unencoded so its shell shows at once.
  if (boundaries.loading && !options.compressStreamedPages && !headers.has('content-encoding')) {
    headers.set('content-encoding', 'identity');
  }
  const response = new Response(body, { status: page.status ?? 200, headers });
  return prebuilt === undefined ? response : secure!.mark(response);
}

/** `headers` with the page's own set over them. */
function withOwn(headers: Headers, own: HeadersInit | undefined): Headers {
  if (own === undefined) return headers;
  for (const [name, value] of new Headers(own)) {
    if (name === 'set-cookie') headers.append(name, value);
    else headers.set(name, value);
  }
  return headers;
}

/** Markup computed only when the renderer reaches it (after everything before it has rendered). */
function lazy(write: () => string): Iterable<string> {
  return {
    [Symbol.iterator]: () => {
      let done = false;
      return {
        next: () => (done ? { done, value: undefined } : ((done = true), { done: false, value: write() })),
      };
    },
  };
}

function renderHead(head: unknown): Renderable {
  if (head === undefined || head === null) return '';
  if (typeof head === 'string') return head;
  return pageRenderer().render(head);
}
