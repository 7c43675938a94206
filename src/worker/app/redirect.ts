import { HTTPException } from 'hono/http-exception';

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
 * Ends the page with a redirect, from a page handler, a layout, or a
 * component's first render: anywhere before the first byte has gone out. (If
 * the page is already streaming, the redirect is made by the page itself,
 * with `<meta http-equiv="refresh">`.)
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
  throw new HTTPException(status, { res: new Response(null, { status, headers: { location } }) });
}

/** Where a {@link redirect} error points, if it is one. */
export function redirectLocation(error: unknown): string | undefined {
  if (!(error instanceof HTTPException) || error.status < 300 || error.status > 399) return undefined;
  return error.getResponse().headers.get('location') ?? undefined;
}
