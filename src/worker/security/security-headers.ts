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

/** What {@link securityHeaders} makes: the middleware, and the headers of pages and server function answers, built once. */
export interface SecurityHeaders {
  readonly middleware: MiddlewareHandler<AppEnv>;
  /** Server function answers' headers (no CSP). */
  readonly answers: PrebuiltHeaders;
  /** Pages' headers, with this response's nonce in the CSP; undefined when the CSP computes values of its own (then Hono sets them on each response). */
  readonly documents: PrebuiltHeaders | undefined;
}

/**
 * Hono's `secureHeaders()` with litflare's defaults: a strict CSP with a
 * nonce made for each response, a header a route set itself is kept
 * (`overwrite: false`), `X-Powered-By` is left to the app, and no HSTS in
 * development (it would pin `localhost` to HTTPS). Server function answers
 * (data, never a document) get every header but the CSP. The headers are the
 * same for every response but for the nonce, so they are worked out once (by
 * Hono's middleware, on an empty response) and pages and server function
 * answers are built with them ({@link PrebuiltHeaders}); any other response
 * gets them set one by one after its route. A WebSocket route's 101 passes
 * untouched: it carries no document, and its headers cannot change; anything
 * else answered to a request that asked for an upgrade (a page, a 426, a 404)
 * gets the headers like any response. A response whose headers cannot change
 * (one a route passed on from `fetch()` or a service binding) is copied, so
 * that it gets them too instead of failing. A 304 gets no CSP: the browser
 * keeps the page and the policy it came with.
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
  const full: SecureHeadersOptions = policy === undefined ? base : { ...base, contentSecurityPolicy: policy };
  const overwrite = base.overwrite !== false;
  const removePoweredBy = base.removePoweredBy !== false;
  // Server function answers are data, never documents: a CSP would govern
  // nothing there, so they skip it and the nonce it costs to make.
  const answers = new PrebuiltHeaders(secureHeaders(base), overwrite, removePoweredBy);
  const values = cspValues(full);
  const usesNonce = values.includes(NONCE);
  // A CSP value computed per request (other than the nonce) cannot be built ahead: Hono sets those.
  const perRequest = values.some((value) => typeof value === 'function' && value !== NONCE);
  const documents = perRequest ? undefined : new PrebuiltHeaders(secureHeaders(full), overwrite, removePoweredBy);
  const honoDocuments = secureHeaders(full);
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const rpc = c.req.path.startsWith(RPC_PATH);
    const prebuilt = rpc ? answers : documents;
    if (prebuilt !== undefined) {
      // The nonce of this response, made as Hono's CSP would make it (the page's scripts carry it).
      // Taken before the route runs, as Hono's middleware does: a route may give its render a nonce of its own (the edge cache).
      if (usesNonce && !rpc) NONCE(c, 'script-src');
      const nonce = c.get('secureHeadersNonce');
      await next();
      if (prebuilt.carries(c.res) || c.res.status === 101) return;
      if (!headersCanChange(c.res)) c.res = new Response(c.res.body, c.res);
      await prebuilt.set(c.res.headers, nonce);
      if (c.res.status === 304) c.res.headers.delete('content-security-policy');
      return;
    }
    try {
      await honoDocuments(c, async () => {
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
  return { middleware, answers, documents };
}

/** Every value of the CSP directives (and of the report-only CSP). */
function cspValues(options: SecureHeadersOptions): unknown[] {
  return [options.contentSecurityPolicy, options.contentSecurityPolicyReportOnly].flatMap((policy) =>
    policy === undefined ? [] : Object.values(policy).flatMap((value: unknown) => (Array.isArray(value) ? value : [value])),
  );
}

type HeaderList = readonly (readonly [string, string])[];

/** Marks a response built with a {@link PrebuiltHeaders}' headers (which ones). */
const CARRIES = Symbol('litflare.secure-headers');
type Marked = Response & { [CARRIES]?: PrebuiltHeaders };

/** Stands for the nonce while the headers are worked out; each response gets its own in its place. */
const NONCE_PLACEHOLDER = 'litflare0nonce0placeholder';

/**
 * The secure headers a `secureHeaders()` middleware sets, worked out once
 * (at the first response) from what it sets on an empty response (with {@link NONCE_PLACEHOLDER} as
 * the nonce): responses are built with a copy of them, and marked, so that
 * the middleware passes them as they are, with no header set one by one.
 *
 * @example
 * ```ts
 * const response = answers.respond(body, 'application/x-litflare+devalue', 'no-store');
 * const pageHeaders = documents.headers(nonce); // a new Headers, or undefined in an isolate's first moments
 * ```
 */
export class PrebuiltHeaders {
  readonly #middleware: MiddlewareHandler;
  /** Worked out on first use (nothing runs at start-up). */
  #list: Promise<HeaderList> | undefined;
  /** The headers without a nonce, and those with one (its place marked), once known. */
  #ready: { readonly fixed: Headers; readonly withNonce: HeaderList } | undefined;
  readonly #built = new Map<string, Headers>();
  /** Whether the headers replace one a route set itself (`overwrite: true`). */
  readonly overwrite: boolean;
  readonly #removePoweredBy: boolean;

  constructor(middleware: MiddlewareHandler, overwrite: boolean, removePoweredBy: boolean) {
    this.overwrite = overwrite;
    this.#removePoweredBy = removePoweredBy;
    this.#middleware = middleware;
  }

  #known(): Promise<HeaderList> {
    if (this.#list === undefined) {
      this.#list = headersSetBy(this.#middleware);
      void this.#list.then((list) => {
        const fixed = new Headers(list.filter(([, value]) => !value.includes(NONCE_PLACEHOLDER)) as [string, string][]);
        this.#ready = { fixed, withNonce: list.filter(([, value]) => value.includes(NONCE_PLACEHOLDER)) };
      });
    }
    return this.#list;
  }

  /** A new `Headers` with them all (the nonce in its place), or undefined before they are known (the first response of an isolate). */
  headers(nonce: string | undefined): Headers | undefined {
    const ready = this.#ready;
    if (ready === undefined) {
      void this.#known();
      return undefined;
    }
    const headers = new Headers(ready.fixed);
    for (const [name, value] of ready.withNonce) headers.set(name, value.replaceAll(NONCE_PLACEHOLDER, nonce ?? ''));
    return headers;
  }

  /** Marks a response built with {@link headers}: the middleware passes it as it is. */
  mark(response: Response): Response {
    // A property, not a WeakSet: a WeakSet's entries are extra work for every garbage collection.
    (response as Marked)[CARRIES] = this;
    return response;
  }

  /** A response with the headers (none with a nonce), `content-type` and `cache-control`; or, before they are known, one the middleware completes. */
  respond(body: BodyInit | null, contentType: string, cacheControl: string): Response {
    const ready = this.#ready;
    if (ready === undefined) {
      void this.#known();
      return new Response(body, { headers: { 'content-type': contentType, 'cache-control': cacheControl } });
    }
    const key = `${contentType}\n${cacheControl}`;
    let headers = this.#built.get(key);
    if (headers === undefined) {
      headers = new Headers(ready.fixed);
      headers.set('content-type', contentType);
      headers.set('cache-control', cacheControl);
      // Bounded: one per Cache-Control a server function declares.
      if (this.#built.size < 64) this.#built.set(key, headers);
    }
    return this.mark(new Response(body, { headers }));
  }

  /** Whether `response` was built with the headers. */
  carries(response: Response): boolean {
    return (response as Marked)[CARRIES] === this;
  }

  /** Sets the headers on another response, as Hono's middleware would. */
  async set(headers: Headers, nonce: string | undefined): Promise<void> {
    for (const [name, value] of await this.#known()) {
      if (!this.overwrite && headers.has(name)) continue;
      headers.set(name, value.replaceAll(NONCE_PLACEHOLDER, nonce ?? ''));
    }
    if (this.#removePoweredBy) headers.delete('x-powered-by');
  }
}

/** What a `secureHeaders()` middleware sets on an empty response, with a stand-in nonce. */
async function headersSetBy(middleware: MiddlewareHandler): Promise<HeaderList> {
  const context = { res: new Response(null), get: () => NONCE_PLACEHOLDER, set: () => {} };
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
