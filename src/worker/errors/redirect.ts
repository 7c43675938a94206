import { HTTPException } from 'hono/http-exception';
import { isServerError, ServerError } from '../../shared/server-error.js';

/**
 * The statuses {@link redirect} sends.
 *
 * @example
 * ```ts
 * const moved: RedirectStatus = 301;
 * redirect('/new-home', moved);
 * ```
 */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/**
 * What {@link redirect} throws: a `ServerError` whose status is the redirect's
 * (3xx) and that says where to go. Like Hono's `HTTPException` it has
 * `getResponse()`, so Hono's own error handler (and any written like it)
 * answers it with the redirect too.
 */
class Redirect extends ServerError {
  override readonly status: RedirectStatus;
  /** Where the redirect points. */
  readonly location: string;

  constructor(location: string, status: RedirectStatus) {
    super(status, `Redirect (${status}) to ${location}`);
    this.status = status;
    this.location = location;
  }

  getResponse(): Response {
    return new Response(null, { status: this.status, headers: { location: this.location } });
  }
}

/**
 * Ends what is running with a redirect: a page handler, a layout, a
 * component's render, a `ServerData` call, a server function or a streamed
 * result. Before a page's first byte the answer is a real redirect; once a
 * page is streaming it redirects itself (`<meta http-equiv="refresh">`); a
 * server function's caller in the browser is navigated there (see the
 * README's "Errors and redirects"). It throws a `ServerError` with the
 * redirect's status and a `location`: rethrow it if you catch errors around it.
 *
 * @example
 * ```ts
 * app.page('/account', async () => {
 *   if ((await session()).get('user') === undefined) redirect('/sign-in');
 *   return html`<account-page></account-page>`;
 * });
 * ```
 */
export function redirect(location: string, status: RedirectStatus = 302): never {
  throw new Redirect(location, status);
}

/** Where a thrown redirect points, and with which status. */
export interface RedirectTarget {
  readonly location: string;
  readonly status: number;
}

/**
 * The redirect a thrown value asks for: one {@link redirect} threw (also from
 * another copy of litflare), or a Hono `HTTPException` with a 3xx status and
 * a response carrying `Location`; otherwise `undefined`.
 *
 * @example
 * ```ts
 * const target = redirectOf(error);
 * if (target !== undefined) return new Response(null, { status: target.status, headers: { location: target.location } });
 * ```
 */
export function redirectOf(error: unknown): RedirectTarget | undefined {
  if (isServerError(error) && isRedirectStatus(error.status)) {
    const location = (error as { location?: unknown }).location;
    return typeof location === 'string' ? { location, status: error.status } : undefined;
  }
  if (error instanceof HTTPException && isRedirectStatus(error.status)) {
    const location = error.res?.headers.get('location');
    return typeof location === 'string' ? { location, status: error.status } : undefined;
  }
  return undefined;
}

/** Where a thrown redirect points, if it is one (see {@link redirectOf}). */
export function redirectLocation(error: unknown): string | undefined {
  return redirectOf(error)?.location;
}

function isRedirectStatus(status: number): boolean {
  return status >= 300 && status <= 399;
}
