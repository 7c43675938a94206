import { stringify } from 'devalue';
import { RPC_CONTENT_TYPE, RPC_REDIRECT_HEADER, type WireError } from '../../shared/rpc/protocol.js';
import { devErrorData } from '../../shared/dev-error.js';
import { deliberateError } from '../app/error-status.js';

/**
 * What an error thrown by (or on the way to) a server function tells the
 * caller: a `ServerError` (or Hono `HTTPException`) keeps its status, message
 * and data; anything else is a 500 with a generic message in production, its
 * message and stack in development (the browser shows them in Vite's error
 * overlay), and is logged. (A redirect is not an error on the wire: see
 * {@link rpcRedirect}.)
 *
 * @example
 * ```ts
 * const wire = toWireError(new ServerError(404, 'No such todo'), false); // { status: 404, message: 'No such todo' }
 * ```
 */
export function toWireError(error: unknown, dev: boolean, name?: string): WireError {
  const deliberate = deliberateError(error);
  if (deliberate !== undefined) {
    if (deliberate.status >= 500) console.error(`litflare: server function ${name ?? ''} failed`, error);
    return { ...deliberate };
  }
  console.error(`litflare: server function ${name ?? ''} threw`, error);
  return dev ? { status: 500, ...devErrorData(error) } : { status: 500, message: 'Internal Server Error' };
}

/**
 * An RPC error answer: the status, and `{ message, data }` (and `stack`, in
 * development) encoded with devalue.
 *
 * @example
 * ```ts
 * return rpcError({ status: 405, message: 'getTodos is called with GET' }, { allow: 'GET' });
 * ```
 */
export function rpcError(error: WireError, headers: Record<string, string> = {}): Response {
  const body: Omit<WireError, 'status'> = { message: error.message };
  if (error.data !== undefined) body.data = error.data;
  if (error.stack !== undefined) body.stack = error.stack;
  let encoded: string;
  try {
    encoded = stringify(body);
  } catch {
    // The error's data cannot be serialized: keep the status and message.
    encoded = stringify({ message: error.message });
  }
  return new Response(encoded, {
    status: error.status,
    headers: { 'content-type': RPC_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}

/**
 * The answer to a call that ended in `redirect()`: `204` with the location in
 * a header (a real 3xx would be followed by `fetch` itself), which the
 * browser's proxy turns into a navigation.
 *
 * @example
 * ```ts
 * const target = redirectOf(error);
 * if (target !== undefined) return rpcRedirect(target.location);
 * ```
 */
export function rpcRedirect(location: string): Response {
  return new Response(null, { status: 204, headers: { [RPC_REDIRECT_HEADER]: location, 'cache-control': 'no-store' } });
}
