import { AsyncLocalStorage } from 'node:async_hooks';
import { stringify } from 'devalue';
import { END, ERROR, ITEM, REDIRECT, RPC_ANSWER_CONTENT_TYPE, RPC_STREAM_CONTENT_TYPE } from '../../shared/rpc/protocol.js';
import { readStream } from '../../shared/rpc/read-stream.js';
import { ServerError } from '../../shared/server-error.js';
import { redirectOf } from '../errors/redirect.js';
import { toWireError } from '../errors/wire-error.js';

/** How a call's answer is encoded. */
export interface RespondOptions {
  /** `Cache-Control` of the answer. */
  cacheControl: string;
  /** Error details in answers (development). */
  dev: boolean;
  /** The function's name, for logs. */
  name: string;
  /**
   * Called when a streamed result goes on running request code after the
   * headers went out; returns work to await before the stream ends (e.g.
   * saving the session).
   */
  onContinue?: () => () => Promise<void>;
  /** Called when a streamed result fails with a server error (5xx), before the stream ends. */
  onFail?: () => void;
}

const encoder = new TextEncoder();

/**
 * Encodes what a server function returned: a value as one devalue document; a
 * `ReadableStream`, async iterable or async generator as a stream of devalue
 * frames, one per line, produced as the client reads. When the client goes
 * away the iterator is returned (a generator's `finally` runs); an error
 * mid-stream becomes an error frame, a `redirect()` a redirect frame.
 *
 * @example
 * ```ts
 * return respond(await fn(...args), { cacheControl: 'no-store', dev: false, name: 'listTodos' });
 * ```
 */
export function respond(result: unknown, options: RespondOptions): Response {
  const iterable = asAsyncIterable(result);
  if (iterable === undefined) {
    let body: string;
    try {
      body = stringify(result);
    } catch (error) {
      throw new ServerError(500, options.dev ? `The result of ${options.name} cannot be sent: ${String(error)}` : 'Internal Server Error');
    }
    return new Response(body, { headers: { 'content-type': RPC_ANSWER_CONTENT_TYPE, 'cache-control': options.cacheControl } });
  }
  return new Response(frames(iterable, options), {
    headers: { 'content-type': RPC_STREAM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

function frames(iterable: AsyncIterable<unknown>, options: RespondOptions): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  // The stream pulls from outside the request's async context: produce items
  // inside it, so the function's code still sees its request.
  const inRequest = AsyncLocalStorage.snapshot();
  const beforeEnd = options.onContinue?.();
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let frame: string;
        try {
          const step = await inRequest(() => iterator.next());
          if (step.done === true) {
            finished = true;
            if (beforeEnd !== undefined) await inRequest(beforeEnd);
            frame = stringify([END]);
          } else {
            frame = stringify([ITEM, step.value]);
          }
        } catch (error) {
          finished = true;
          frame = endFrame(error, options);
          // The item may have failed to serialize, with the producer still open.
          await inRequest(async () => {
            await iterator.return?.();
            if (beforeEnd !== undefined) await beforeEnd();
          }).catch((cleanup: unknown) => console.error('litflare: ending a streamed result failed', cleanup));
        }
        controller.enqueue(encoder.encode(`${frame}\n`));
        if (finished) controller.close();
      },
      async cancel() {
        // The client stopped reading: let the producer clean up.
        if (finished) return;
        finished = true;
        await inRequest(async () => {
          await iterator.return?.();
          if (beforeEnd !== undefined) await beforeEnd();
        });
      },
    },
    { highWaterMark: 0 },
  );
}

function endFrame(error: unknown, options: RespondOptions): string {
  const target = redirectOf(error);
  if (target !== undefined) return stringify([REDIRECT, target.location]);
  const wire = toWireError(error, options.dev, options.name);
  if (wire.status >= 500) options.onFail?.();
  return stringify([ERROR, wire]);
}

function asAsyncIterable(value: unknown): AsyncIterable<unknown> | undefined {
  if (value instanceof ReadableStream) return readStream(value);
  if (typeof value === 'object' && value !== null && Symbol.asyncIterator in value) return value as AsyncIterable<unknown>;
  return undefined;
}
