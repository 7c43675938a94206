import type { Context, Hono } from 'hono';
import { RPC_PATH, type WireError } from '../../shared/rpc/protocol.js';
import { ServerError } from '../../shared/server-error.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { redirectOf } from '../errors/redirect.js';
import { toWireError } from '../errors/wire-error.js';
import { rpcError, rpcRedirect } from './error-answers.js';
import { isCrossSite, type AllowedOrigins } from '../security/origin.js';
import type { PrebuiltHeaders } from '../security/security-headers.js';
import { argSizeFor, bodyLimitOf, readArgs, type ArgSizeLimit, type BodyLimit } from './read-args.js';
import { findServerFn, loadServerFn } from './registry.js';
import { respond } from './respond.js';
import { cacheableAnswer } from './cacheable-answer.js';
import { sharedCacheControl } from '../cache/cache-options.js';
import { SERVER_FN_OPTIONS, type ServerFnOptions } from './server-fn.js';

/**
 * Options of the RPC endpoint.
 *
 * @example
 * ```ts
 * createApp({ rpc: { maxBodySize: 64 * 1024, maxArgSize: 256 * 1024 } });
 * ```
 */
export interface RpcOptions {
  /** Largest request body, in bytes. @default 1_048_576 */
  maxBodySize?: number;
  /**
   * Largest the decoded arguments may be written out in full: every shared
   * reference expanded (an object sent once and used twice counts twice),
   * every array slot counted (the holes of a sparse array too), 1 per value
   * plus 1 per character of a string or key, digit of a BigInt, byte of
   * binary data. It bounds the work of any code that walks the arguments
   * (`JSON.stringify`, a recursive schema): a few bytes of devalue can
   * describe a tree of billions of values. Arguments without shared
   * references or holes never count more than their body's length. Checked
   * before they are decoded; beyond it: 400. By default the limit grows with
   * what the client sent: 16 × the body's length + 65,536, at most
   * `maxBodySize`, so a short body cannot make the Worker walk a large tree.
   * Set a number for one limit whatever the body.
   * @default min(16 × body length + 65_536, maxBodySize)
   */
  maxArgSize?: number;
}

/** What the app hands {@link mountRpc} beside the user's {@link RpcOptions}. */
interface MountOptions extends RpcOptions {
  dev: boolean;
  allowOrigins?: AllowedOrigins;
  /** The app's secure headers for answers, built once (none when the app turned them off). */
  answerHeaders?: PrebuiltHeaders | undefined;
}

/**
 * Serves every server function at `POST /_lf/rpc/<id>` (or `GET` for
 * functions marked `method: 'GET'`). Unknown id, wrong method, cross-site
 * call, wrong content type, too large a body, undecodable, too large (once
 * expanded) or wrong arguments: each is answered with its precise 4xx before
 * the function could run.
 *
 * @example
 * ```ts
 * mountRpc(app, { dev: false, maxBodySize: 64 * 1024, allowOrigins: ['https://admin.example.com'] });
 * ```
 */
export function mountRpc(app: Hono<AppEnv>, options: MountOptions): void {
  const maxBodySize = options.maxBodySize ?? 1_048_576;
  const limit = bodyLimitOf(maxBodySize);
  const maxArgSize = options.maxArgSize ?? ((length: number) => argSizeFor(length, maxBodySize));
  app.all(`${RPC_PATH}:id`, async (c) => {
    try {
      return await call(c, options, limit, maxArgSize);
    } catch (error) {
      return failed(c, toWireError(error, options.dev));
    }
  });
}

async function call(
  c: Context<AppEnv>,
  options: MountOptions,
  limit: BodyLimit,
  maxArgSize: ArgSizeLimit,
): Promise<Response> {
  const entry = await findServerFn(c.req.param('id') ?? '');
  if (entry === undefined) throw new ServerError(404, 'No server function has this id.');
  if (c.req.method !== entry.method) {
    return rpcError(
      { status: 405, message: `${entry.name} is called with ${entry.method}, not ${c.req.method}.` },
      { allow: entry.method },
    );
  }
  if (entry.method === 'POST' && isCrossSite(c, options.allowOrigins)) {
    throw new ServerError(403, 'Cross-origin calls to server functions are refused.');
  }
  const args = await readArgs(c, entry, limit, maxArgSize);
  const fn = await loadServerFn(entry);
  if (typeof fn !== 'function') throw new Error(`${entry.name} is not a function in its module`);
  const fnOptions = (fn as { [SERVER_FN_OPTIONS]?: ServerFnOptions })[SERVER_FN_OPTIONS];
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (error) {
    const target = redirectOf(error);
    if (target !== undefined) return rpcRedirect(target.location);
    return failed(c, toWireError(error, options.dev, entry.name));
  }
  const cache = entry.method === 'GET' ? fnOptions?.cache : undefined;
  const response = respond(result, {
    cacheControl: cache !== undefined ? sharedCacheControl(cache) : entry.method === 'GET' ? (fnOptions?.cacheControl ?? 'no-store') : 'no-store',
    dev: options.dev,
    name: entry.name,
    // Only a streamed result asks for the call's scope (made then).
    onContinue: () => scopeOf(c)?.continueAfterHeaders() ?? noWork,
    onFail: () => scopeOf(c)?.fail(),
    headers: options.answerHeaders,
  });
  return cache === undefined ? response : cacheableAnswer(c, response, cache, options.dev, entry.name);
}

const noWork = async (): Promise<void> => {};

/** The error answer; a server error (5xx) also drops the call's session changes. */
function failed(c: Context<AppEnv>, error: WireError): Response {
  if (error.status >= 500) scopeOf(c)?.fail();
  return rpcError(error);
}
