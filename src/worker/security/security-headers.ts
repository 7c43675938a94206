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

/** What {@link securityHeaders} makes: the middleware, and the headers of server function answers, built once. */
export interface SecurityHeaders {
  readonly middleware: MiddlewareHandler<AppEnv>;
  readonly answers: AnswerHeaders;
}

/**
 * Hono's `secureHeaders()` with litflare's defaults: a strict CSP with a
 * nonce made for each response, a header a route set itself is kept
 * (`overwrite: false`), `X-Powered-By` is left to the app, and no HSTS in
 * development (it would pin `localhost` to HTTPS). Server function answers
 * (data, never a document) get every header but the CSP: the same for every
 * answer, so they are worked out once (by Hono's middleware) and the RPC
 * handler builds its answers with them ({@link AnswerHeaders}); only another
 * answer on that path (a before hook's, say) gets them set one by one. A
 * WebSocket route's 101 passes untouched: it carries no document, and its
 * headers cannot change; anything else answered to a request that asked for
 * an upgrade (a page, a 426, a 404) gets the headers like any response. A
 * response whose headers cannot change (one a route passed on from `fetch()`
 * or a service binding) is copied, so that it gets them too instead of failing.
 *
 * @example
 * ```ts
 * const headers = securityHeaders({ xFrameOptions: 'DENY' }, strictCsp, false);
 * if (headers !== undefined) app.use(headers.middleware);
 * ```
 */
export function securityHeaders(
  options: Omit<SecureHeadersOptions, 'contentSecurityPolicy'> | false | undefined,
  csp: ContentSecurityPolicy | false | undefined,
  dev: boolean,
): SecurityHeaders | undefined {
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
  const answers = new AnswerHeaders(secureHeaders(base), base.overwrite !== false, base.removePoweredBy !== false);
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.path.startsWith(RPC_PATH)) {
      await next();
      if (answers.carries(c.res) || c.res.status === 101) return;
      if (!headersCanChange(c.res)) c.res = new Response(c.res.body, c.res);
      await answers.set(c.res.headers);
      return;
    }
    try {
      await documents(c, async () => {
        await next();
        // Hono's middleware sets its headers when this returns: leave before.
        if (c.res.status === 101) throw SWITCHED;
        if (!headersCanChange(c.res)) c.res = new Response(c.res.body, c.res);
      });
    } catch (error) {
      if (error !== SWITCHED) throw error;
    }
  };
  return { middleware, answers };
}

type HeaderList = readonly (readonly [string, string])[];

/**
 * The headers of server function answers: the secure headers (without a
 * CSP), which Hono's `secureHeaders()` works out from the options, read once
 * from what it sets on an empty response; and, per `Cache-Control`, a whole
 * `Headers` an answer is built with, so no answer pays for setting them one
 * by one.
 *
 * @example
 * ```ts
 * const response = answers.respond(body, 'application/x-litflare+devalue', 'no-store');
 * ```
 */
export class AnswerHeaders {
  readonly #list: Promise<HeaderList>;
  #ready: HeaderList | undefined;
  readonly #built = new Map<string, Headers>();
  /** Answers built with the headers, which the middleware passes as they are. */
  readonly #carrying = new WeakSet<Response>();
  readonly #overwrite: boolean;
  readonly #removePoweredBy: boolean;

  constructor(middleware: MiddlewareHandler, overwrite: boolean, removePoweredBy: boolean) {
    this.#overwrite = overwrite;
    this.#removePoweredBy = removePoweredBy;
    this.#list = headersSetBy(middleware);
    void this.#list.then((list) => (this.#ready = list));
  }

  /**
   * A response with the secure headers, `content-type` and `cache-control`
   * (or, before the headers are known, the first moments of an isolate, a
   * response the middleware completes).
   */
  respond(body: BodyInit | null, contentType: string, cacheControl: string): Response {
    const list = this.#ready;
    if (list === undefined) return new Response(body, { headers: { 'content-type': contentType, 'cache-control': cacheControl } });
    const key = `${contentType}\n${cacheControl}`;
    let headers = this.#built.get(key);
    if (headers === undefined) {
      headers = new Headers(list as [string, string][]);
      headers.set('content-type', contentType);
      headers.set('cache-control', cacheControl);
      // Bounded: one per Cache-Control a server function declares.
      if (this.#built.size < 64) this.#built.set(key, headers);
    }
    const response = new Response(body, { headers });
    this.#carrying.add(response);
    return response;
  }

  /** Whether `response` was built by {@link respond} with the headers. */
  carries(response: Response): boolean {
    return this.#carrying.has(response);
  }

  /** Sets the headers on another answer, as Hono's middleware would. */
  async set(headers: Headers): Promise<void> {
    for (const [name, value] of this.#ready ?? (await this.#list)) {
      if (this.#overwrite || !headers.has(name)) headers.set(name, value);
    }
    if (this.#removePoweredBy) headers.delete('x-powered-by');
  }
}

/** What a `secureHeaders()` middleware sets on an empty response (without a nonce: no CSP). */
async function headersSetBy(middleware: MiddlewareHandler): Promise<HeaderList> {
  const context = { res: new Response(null), get: () => undefined, set: () => {} };
  await middleware(context as unknown as Parameters<MiddlewareHandler>[0], async () => {});
  return Object.freeze([...context.res.headers].map(([name, value]) => Object.freeze([name, value] as const)));
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
