import { stringify } from 'devalue';
import { RPC_ANSWER_CONTENT_TYPE, type WireError } from '../../shared/rpc/protocol.js';
import { isServerError } from '../../shared/server-error.js';
import { devErrorData } from '../../shared/dev-error.js';

/**
 * What an error thrown by (or on the way to) a server function tells the
 * caller: a `ServerError` keeps its status, message and data; anything else
 * is a 500 with a generic message in production, its message and stack in
 * development (the browser shows them in Vite's error overlay), and is logged.
 *
 * @example
 * ```ts
 * const wire = toWireError(new ServerError(404, 'No such todo'), false); // { status: 404, message: 'No such todo' }
 * ```
 */
export function toWireError(error: unknown, dev: boolean, name?: string): WireError {
  if (isServerError(error)) {
    if (error.status >= 500) console.error(`litflare: server function ${name ?? ''} failed`, error);
    return error.data === undefined
      ? { status: error.status, message: error.message }
      : { status: error.status, message: error.message, data: error.data };
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
    headers: { 'content-type': RPC_ANSWER_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}
