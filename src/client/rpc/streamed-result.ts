import { parse } from 'devalue';
import { END, ERROR, ITEM, REDIRECT, type WireError } from '../../shared/rpc/protocol.js';
import { ServerError } from '../../shared/server-error.js';
import { showServerError } from '../dev/overlay.js';
import { followRedirect } from './follow-redirect.js';

/**
 * Turns a streamed RPC answer (one devalue frame per line) into a stream of
 * the values the server function produced. An error frame errors the stream
 * with a `ServerError` at that point; a redirect frame navigates, and the
 * stream then never goes on; cancelling it cancels the request.
 *
 * @example
 * ```ts
 * for await (const item of readStreamedResult(response.body!)) console.log(item);
 * ```
 */
export function readStreamedResult(body: ReadableStream<Uint8Array>): ReadableStream<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let ended = false;
  return new ReadableStream<unknown>(
    {
      async pull(controller) {
        for (;;) {
          const newline = buffered.indexOf('\n');
          if (newline !== -1) {
            const frame = parse(buffered.slice(0, newline)) as [number, unknown?];
            buffered = buffered.slice(newline + 1);
            if (frame[0] === ITEM) return controller.enqueue(frame[1]);
            ended = true;
            if (frame[0] === END) return controller.close();
            if (frame[0] === REDIRECT) {
              void reader.cancel().catch(() => {});
              return followRedirect(frame[1] as string);
            }
            const error = frame[1] as WireError;
            if (import.meta.env.DEV) void showServerError(error);
            return controller.error(new ServerError(error.status, error.message, error.data));
          }
          const { done, value } = await reader.read();
          if (done) {
            ended = true;
            return controller.error(new ServerError(502, 'The stream ended early.'));
          }
          buffered += decoder.decode(value, { stream: true });
        }
      },
      cancel(reason) {
        if (!ended) return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
