import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { RPC_PATH } from '../../shared/rpc/protocol.js';
import type { AppEnv } from '../env.js';
import { renderPage, type Page } from '../page/render-page.js';
import type { Shell } from '../page/shell.js';
import { rpcError, rpcRedirect } from '../rpc/error-answers.js';
import { defaultErrorPage } from './error-pages.js';
import { deliberateError, errorStatus } from './error-status.js';
import { redirectOf } from './redirect.js';
import { toWireError } from './wire-error.js';

/** What {@link errorResponse} needs of the app. */
export interface ErrorResponseOptions {
  dev: boolean;
  /** The app's `errorPage`. */
  errorPage: ((error: unknown, dev: boolean, status: number) => Page) | undefined;
  shell: () => Promise<Shell>;
}

const SERVER_FUNCTION_CALL = new RegExp(`${RPC_PATH}[^/]+$`);

/**
 * litflare's answer to an error thrown before a response started (by a hook,
 * middleware, route, or a page before its first byte; an `app.onError()`
 * handler comes first), in this order: for a server function call, the
 * error as the RPC protocol carries it (so the browser's proxy rethrows it,
 * or follows the redirect); a redirect; an `HTTPException`'s own response,
 * as Hono answers it; else the app's error page with the error's status (a
 * `ServerError`'s, else 500, which is logged).
 *
 * @example
 * ```ts
 * app.onError((error, c) => errorResponse(error, c, { dev, errorPage, shell }));
 * ```
 */
export async function errorResponse(error: unknown, c: Context<AppEnv> | undefined, options: ErrorResponseOptions): Promise<Response> {
  const target = redirectOf(error);
  if (c !== undefined && SERVER_FUNCTION_CALL.test(c.req.path)) {
    return target === undefined ? rpcError(toWireError(error, options.dev)) : rpcRedirect(target.location);
  }
  if (target !== undefined) return new Response(null, { status: target.status, headers: { location: target.location } });
  // As Hono answers it (a plain Hono route in the app behaves as in any Hono app).
  if (error instanceof HTTPException) return error.getResponse();
  const status = errorStatus(error);
  const unexpected = deliberateError(error) === undefined;
  if (unexpected) console.error('litflare: a request failed before its response started', error);
  try {
    const page = (options.errorPage ?? defaultErrorPage)(error, options.dev, status);
    return await renderPage({ status, ...page }, await options.shell(), {
      dev: options.dev,
      // Vite's overlay is for bugs: a ServerError thrown on purpose is the page's answer.
      ...(unexpected ? { error } : {}),
      nonce: c?.get('secureHeadersNonce'),
    });
  } catch (pageError) {
    console.error('litflare: the error page failed too', pageError);
    return new Response('Internal Server Error', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}
