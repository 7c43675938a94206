import { assertRequest, currentContext } from './current.js';
import { scopeOf } from './scope.js';

/**
 * The Worker's bindings for the current request, cron run or queue batch,
 * typed from the app's `wrangler types` output. Prefer the typed accessors
 * (`d1()`, `kv()`, …), which check the binding and explain what is missing.
 *
 * @example
 * ```ts
 * import { env } from 'litflare/worker';
 * const name = env().APP_NAME;
 * ```
 */
export function env(): Cloudflare.Env {
  return currentEnv('env()');
}

/**
 * The current invocation's bindings; `accessor` names the caller in errors.
 *
 * @example
 * ```ts
 * const bindings = currentEnv('kv("CACHE")');
 * ```
 */
export function currentEnv(accessor: string): Cloudflare.Env {
  const bindings = currentContext(accessor).env;
  if (bindings === undefined) {
    throw new Error(
      `litflare: ${accessor} found no bindings: this request was dispatched without an env. The Workers ` +
        'runtime passes one to fetch(request, env, ctx); in tests, pass it too: app.request(path, init, env, ctx).',
    );
  }
  return bindings;
}

/**
 * The incoming HTTP request (headers, method, URL, body, `cf`).
 *
 * @example
 * ```ts
 * import { request } from 'litflare/worker';
 * const country = request().cf?.country;
 * ```
 */
export function request(): Request {
  const c = currentContext('request()');
  assertRequest(scopeOf(c), 'request()');
  return c.req.raw;
}

/**
 * Keeps the invocation alive until `promise` settles, without delaying the
 * response: for work that may finish after it (logging, cache fills).
 *
 * @example
 * ```ts
 * import { waitUntil, kv } from 'litflare/worker';
 * waitUntil(kv('CACHE').put('last-visit', new Date().toISOString()));
 * ```
 */
export function waitUntil(promise: Promise<unknown>): void {
  const c = currentContext('waitUntil()');
  let ctx: { waitUntil(promise: Promise<unknown>): void };
  try {
    ctx = c.executionCtx;
  } catch {
    throw new Error(
      'litflare: waitUntil() needs the Worker’s ExecutionContext, and this request was dispatched without one. ' +
        'The Workers runtime passes it to fetch(request, env, ctx); in tests, pass it too: ' +
        'app.request(path, init, env, createExecutionContext()).',
    );
  }
  ctx.waitUntil(promise);
  // The request's context stays current for this work until it settles.
  scopeOf(c)?.track(promise);
}

/**
 * This response's Content-Security-Policy nonce (made for each request when
 * the policy uses `NONCE`, as litflare's default does), or `undefined` when
 * there is none. Put it on inline scripts of your own so the policy lets them run.
 *
 * @example
 * ```ts
 * import { cspNonce } from 'litflare/worker';
 * app.page('/', () => ({ head: `<script nonce="${cspNonce()}">window.startedAt = Date.now()</script>`, body: html`…` }));
 * ```
 */
export function cspNonce(): string | undefined {
  return currentContext('cspNonce()').get('secureHeadersNonce');
}
