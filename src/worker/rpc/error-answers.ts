import { stringify } from 'devalue';
import { RPC_ANSWER_CONTENT_TYPE, RPC_REDIRECT_HEADER, type WireError } from '../../shared/rpc/protocol.js';

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
