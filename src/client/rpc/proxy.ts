import { FORM_ACTION_PARAM } from '../../shared/forms/form-state.js';
import { SERVER_FN, type ServerFnMeta } from '../../shared/rpc/protocol.js';
import { readStream } from '../../shared/rpc/read-stream.js';
import { callServer } from './call.js';

/**
 * What the Vite plugin puts in place of a server function in the browser: a
 * function with the same name and call signature that calls it over HTTP. A
 * proxy for an `async function*` returns its async generator at once, as the
 * original does; cancelling it (`break`, `return()`) cancels the request.
 *
 * @example
 * ```ts
 * // generated for worker/todos.server.ts
 * export const listTodos = serverProxy('k3J…', 'listTodos', 'GET');
 * export const feed = serverProxy('Zp0…', 'feed', 'POST', true);
 * export const addTodo = serverProxy('Qe1…', 'addTodo', 'POST', false, true); // a form action: addTodo.action
 * ```
 */
export function serverProxy(id: string, name: string, method: 'GET' | 'POST', generator = false, form = false): (...args: unknown[]) => unknown {
  const meta: ServerFnMeta = { id, name, method };
  const proxy = generator
    ? (...args: unknown[]) => {
        // Called now, so per-call options (withRpc) apply; errors surface on the first next().
        const pending = callServer(meta, args) as Promise<ReadableStream<unknown>>;
        pending.catch(() => {});
        return iterate(pending);
      }
    : (...args: unknown[]) => callServer(meta, args);
  Object.defineProperty(proxy, SERVER_FN, { value: meta });
  Object.defineProperty(proxy, 'name', { value: name });
  // A form action's URL: the same string as the Worker's, so the form hydrates as rendered.
  if (form) Object.defineProperty(proxy, 'action', { value: `?${FORM_ACTION_PARAM}=${id}` });
  return proxy;
}

async function* iterate(pending: Promise<ReadableStream<unknown>>): AsyncGenerator<unknown> {
  yield* readStream(await pending);
}
