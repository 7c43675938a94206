import { stringify } from 'devalue';
import { END, ERROR, ITEM, REDIRECT, RPC_ANSWER_CONTENT_TYPE, RPC_STREAM_CONTENT_TYPE } from '../../shared/rpc/protocol.js';
import { readStream } from '../../shared/rpc/read-stream.js';
import { ServerError } from '../../shared/server-error.js';
import { redirectOf } from '../errors/redirect.js';
import { toWireError } from '../errors/wire-error.js';
import type { PrebuiltHeaders } from '../security/security-headers.js';
import { pullStream, type PullStreamOptions } from '../streaming/pull-stream.js';

/** How a call's answer is encoded. */
export interface RespondOptions {
  /** `Cache-Control` of the answer. */
  cacheControl: string;
  /** Error details in answers (development). */
  dev: boolean;
  /** The function's name, for logs. */
  name: string;
  /** Called when a streamed result goes on running request code after the headers went out: see {@link PullStreamOptions.onContinue}. */
  onContinue?: PullStreamOptions['onContinue'];
  /** Called when a streamed result fails with a server error (5xx), before the stream ends. */
  onFail?: () => void;
  /** The app's secure headers for answers, built once: an answer is made with them. */
  headers?: PrebuiltHeaders | undefined;
}


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
    if (options.headers !== undefined) return options.headers.respond(body, RPC_ANSWER_CONTENT_TYPE, options.cacheControl);
    return new Response(body, { headers: { 'content-type': RPC_ANSWER_CONTENT_TYPE, 'cache-control': options.cacheControl } });
  }
  return new Response(frames(iterable, options), {
    headers: { 'content-type': RPC_STREAM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

function frames(iterable: AsyncIterable<unknown>, options: RespondOptions): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return pullStream(
    {
      async next() {
        const step = await iterator.next();
        if (step.done === true) return { text: `${stringify([END])}\n`, done: true };
        return { text: `${stringify([ITEM, step.value])}\n`, done: false };
      },
      fail: (error) => `${endFrame(error, options)}\n`,
      // The client stopped reading, or an item failed to serialize with the producer still open.
      release: async () => {
        await iterator.return?.();
      },
    },
    { onContinue: options.onContinue },
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
