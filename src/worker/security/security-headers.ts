import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.js';
import { RPC_PATH } from '../../shared/rpc/protocol.js';

/**
 * Options of Hono's `secureHeaders()` (Hono does not export the type by name).
 *
 * @example
 * ```ts
 * const headers: SecureHeadersOptions = { xFrameOptions: 'DENY', referrerPolicy: 'same-origin' };
 * ```
 */
export type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/**
 * A Content-Security-Policy as Hono's `secureHeaders()` takes it: directives in camelCase.
 *
 * @example
 * ```ts
 * const csp: ContentSecurityPolicy = { ...strictCsp, connectSrc: ["'self'", 'https://api.example.com'] };
 * ```
 */
export type ContentSecurityPolicy = NonNullable<SecureHeadersOptions['contentSecurityPolicy']>;

/**
 * litflare's default Content-Security-Policy, a "strict CSP": scripts run
 * only with this response's nonce (litflare puts it on the shell's scripts
 * and its own inline scripts), and what they load is trusted from there
 * (`'strict-dynamic'`); no plugins, no `<base>`. Images, styles and
 * connections are left open. Spread it to add directives.
 *
 * @example
 * ```ts
 * createApp({ csp: { ...strictCsp, imgSrc: ["'self'", 'https://images.example.com'] } });
 * ```
 */
export const strictCsp: ContentSecurityPolicy = Object.freeze({
  scriptSrc: [NONCE, "'strict-dynamic'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
});

/**
 * Hono's `secureHeaders()` with litflare's defaults: a strict CSP with a
 * nonce made for each response, a header a route set itself is kept
 * (`overwrite: false`), `X-Powered-By` is left to the app, and no HSTS in
 * development (it would pin `localhost` to HTTPS). Server function answers
 * (data, never a document) get every header but the CSP. A WebSocket route's
 * 101 passes untouched: it carries no document, and its headers cannot
 * change; anything else answered to a request that asked for an upgrade (a
 * page, a 426, a 404) gets the headers like any response. A response whose
 * headers cannot change (one a route passed on from `fetch()`
 * or a service binding) is copied, so that it gets them too instead of failing.
 * A 304 gets no CSP: the browser keeps the page and the policy it came with.
 *
 * @example
 * ```ts
 * app.use(securityHeaders({ xFrameOptions: 'DENY' }, strictCsp, false));
 * ```
 */
export function securityHeaders(
  options: Omit<SecureHeadersOptions, 'contentSecurityPolicy'> | false | undefined,
  csp: ContentSecurityPolicy | false | undefined,
  dev: boolean,
): MiddlewareHandler<AppEnv> | undefined {
  if (options === false) return undefined;
  const policy = csp === false ? undefined : (csp ?? strictCsp);
  const base: SecureHeadersOptions = {
    overwrite: false,
    removePoweredBy: false,
    ...(dev ? { strictTransportSecurity: false } : {}),
    ...options,
  };
  const documents = secureHeaders(policy === undefined ? base : { ...base, contentSecurityPolicy: policy });
  // Server function answers are data, never documents: a CSP would govern
  // nothing there, so they skip it and the nonce it costs to make.
  const data = policy === undefined ? documents : secureHeaders(base);
  return async (c, next) => {
    const middleware = c.req.path.startsWith(RPC_PATH) ? data : documents;
    try {
      await middleware(c, async () => {
        await next();
        // Hono's middleware sets its headers when this returns: leave before.
        if (c.res.status === 101) throw SWITCHED;
        if (!headersCanChange(c.res)) c.res = new Response(c.res.body, c.res);
      });
    } catch (error) {
      if (error !== SWITCHED) throw error;
    }
    // A 304 has no document: a browser would pair a new nonce with the page it
    // kept (RFC 9111 updates stored headers from a 304) and refuse its scripts.
    if (c.res.status === 304) c.res.headers.delete('content-security-policy');
  };
}

/** Thrown past Hono's middleware when the answer is a WebSocket's 101. */
const SWITCHED = Symbol('switching protocols');

function headersCanChange(response: Response): boolean {
  try {
    response.headers.delete('x-litflare-never-sent');
    return true;
  } catch {
    return false;
  }
}
