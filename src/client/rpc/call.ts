import { parse, stringify } from 'devalue';
import { currentCall } from '../../shared/rpc/options.js';
import {
  RPC_ANSWER_CONTENT_TYPE,
  RPC_CONTENT_TYPE,
  RPC_PATH,
  RPC_REDIRECT_HEADER,
  RPC_STREAM_CONTENT_TYPE,
  type ServerFnMeta,
  type WireError,
} from '../../shared/rpc/protocol.js';
import { ServerError } from '../../shared/server-error.js';
import { showServerError } from '../dev/overlay.js';
import { followRedirect } from './follow-redirect.js';
import { readStreamedResult } from './streamed-result.js';

/**
 * Calls a server function over HTTP: arguments out with devalue, the result
 * back with devalue (a `ReadableStream` of values for a streamed result), a
 * `ServerError` thrown for an error answer; a `redirect()` navigates.
 *
 * @example
 * ```ts
 * const todos = await callServer({ id: 'k3J…', name: 'listTodos', method: 'GET' }, []);
 * ```
 */
export async function callServer(meta: ServerFnMeta, args: unknown[]): Promise<unknown> {
  const { config, call } = currentCall();
  // A form action called with a form's FormData sends it as the form would (multipart), decoded by the Worker as a form post.
  const form = args.length === 1 && args[0] instanceof FormData ? args[0] : undefined;
  const encoded = form === undefined ? stringify(args) : '';
  const get = meta.method === 'GET';
  const url = `${config.baseUrl ?? ''}${RPC_PATH}${meta.id}${get ? `?args=${encodeURIComponent(encoded)}` : ''}`;
  const response = await (config.fetch ?? fetch)(url, {
    method: meta.method,
    headers: { ...(get || form !== undefined ? {} : { 'content-type': RPC_CONTENT_TYPE }), ...config.headers, ...call?.headers },
    body: get ? undefined : (form ?? encoded),
    signal: call?.signal,
  });
  const redirectTo = response.headers.get(RPC_REDIRECT_HEADER);
  if (redirectTo !== null) return followRedirect(redirectTo);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith(RPC_STREAM_CONTENT_TYPE) && response.body !== null) return readStreamedResult(response.body);
  const unexpected = () =>
    new ServerError(response.status >= 400 ? response.status : 502, `${meta.name}: unexpected answer (${response.status} ${type})`);
  if (!type.startsWith(RPC_ANSWER_CONTENT_TYPE)) throw unexpected();
  const text = await response.text();
  let payload: unknown;
  try {
    payload = parse(text);
  } catch {
    // JSON from something other than the Worker's dispatcher (a proxy, a hook of the app).
    throw unexpected();
  }
  if (!response.ok) {
    const { message, data, stack } = payload as Omit<WireError, 'status'>;
    // An unexpected error (development only carries its stack): shown in Vite's overlay, and still thrown.
    if (import.meta.env.DEV) void showServerError({ message, stack }, `${meta.name}: ${message}`);
    throw new ServerError(response.status, message, data);
  }
  return payload;
}
