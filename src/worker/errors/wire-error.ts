import { devErrorData } from '../../shared/dev-error.js';
import type { WireError } from '../../shared/rpc/protocol.js';
import { deliberateError } from './error-status.js';

/**
 * What an error thrown by (or on the way to) a server function tells the
 * caller: a `ServerError` (or Hono `HTTPException`) keeps its status, message
 * and data; anything else is a 500 with a generic message in production, its
 * message and stack in development (the browser shows them in Vite's error
 * overlay), and is logged. Server data carries its errors in the same form.
 * (A redirect is not an error on the wire: the RPC answers it with a 204.)
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
