import type { Context } from 'hono';

/**
 * Which other origins may call server functions (beside the app's own).
 *
 * @example
 * ```ts
 * const allowOrigins: AllowedOrigins = (origin) => origin.endsWith('.example.com');
 * createApp({ allowOrigins });
 * ```
 */
export type AllowedOrigins = string | readonly string[] | ((origin: string, c: Context) => boolean);

/**
 * Whether a state-changing request was sent by another site. Browsers say so
 * in `Sec-Fetch-Site` and `Origin`; a request with neither (curl, a server)
 * is not a browser being tricked, so it passes.
 *
 * Hono's `csrf()` guards form submissions (the content types a cross-site form
 * can send without a preflight); RPC bodies have their own content type, so
 * the same origin rule is applied here to every call.
 *
 * @example
 * ```ts
 * if (isCrossSite(c, ['https://admin.example.com'])) return rpcError({ status: 403, message: 'Cross-origin call refused' });
 * ```
 */
export function isCrossSite(c: Context, allowed?: AllowedOrigins): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return !originAllowed(origin, c, allowed);
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Whether `origin` is the app's own or one of the allowed others. The app's
 * own is the one the browser addressed: the `Host` header it sent (which a
 * page cannot set), with the URL's scheme. Never the URL's host: behind a
 * proxy that builds the URL from the request path (`vite preview` makes
 * `http://evil.example/x` of `GET //evil.example/x`), the URL's host is
 * whatever the attacker wrote. `X-Forwarded-Host` is not trusted either: any
 * client can send it; an app behind a proxy that rewrites `Host` lists its
 * public origin in `allowOrigins`.
 *
 * @example
 * ```ts
 * app.use(csrf({ origin: (origin, c) => originAllowed(origin, c, options.allowOrigins) }));
 * ```
 */
export function originAllowed(origin: string, c: Context, allowed?: AllowedOrigins): boolean {
  if (origin === ownOrigin(c.req.raw)) return true;
  if (allowed === undefined) return false;
  if (typeof allowed === 'string') return origin === allowed;
  if (typeof allowed === 'function') return allowed(origin, c);
  return allowed.includes(origin);
}

/**
 * The scheme of the request's URL and the host of its `Host` header (the
 * URL's host when there is none: a request made in code, such as
 * `app.request()`). String work only: it runs on every state-changing call.
 */
function ownOrigin(request: Request): string {
  const host = request.headers.get('host');
  if (host === null) return new URL(request.url).origin;
  const url = request.url;
  return url.slice(0, url.indexOf(':') + 3) + host.toLowerCase();
}
