import { pullStream, type PullStreamOptions } from '../streaming/pull-stream.js';
import { ChunkWriter, type FillStop, type Renderable } from './chunk-writer.js';

/**
 * How the page stream sizes its chunks.
 *
 * @example
 * ```ts
 * // Send pages up to 256 K characters as one string: less Worker CPU, a later first byte.
 * createApp({ chunks: { firstChunk: 262_144 } });
 * ```
 */
export interface ChunkOptions {
  /**
   * Characters buffered before the first flush. Small, so the browser gets the
   * document head and the top of the page early.
   * @default 16384
   */
  firstChunk?: number;
  /**
   * Characters buffered before each later flush. Large, because every chunk
   * costs the Worker CPU (about 0.1 ms each, measured in workerd), so most
   * pages go out in two: the first chunk, then the rest. Rendering that has to
   * wait for data flushes earlier.
   * @default 262144
   */
  chunk?: number;
}

/** What to do when rendering throws after the first chunk has been sent. */
export type LateErrorHandler = (error: unknown) => string;

/**
 * Options for {@link renderPageStream}.
 *
 * @example
 * ```ts
 * renderPageStream(parts, { onLateError: () => '<p role="alert">failed</p>', onContinue: () => saveSession });
 * ```
 */
export interface PageStreamOptions extends ChunkOptions {
  onLateError: LateErrorHandler;
  /** Called when the page goes on rendering after the first chunk: see {@link PullStreamOptions.onContinue}. */
  onContinue?: PullStreamOptions['onContinue'];
  /** Wraps every render step, e.g. to make the page's render state current. */
  within?: <T>(fill: () => T) => T;
}

/** A page whose first chunk has already been rendered. */
export interface PageStream {
  /** The response body: the whole page when it fit in the first chunk (a stream costs the Worker CPU), else a stream. */
  readonly body: ReadableStream<Uint8Array> | string;
}

/**
 * Renders the first chunk of `parts` now (so an error there can still become
 * an error page with a proper status) and returns a pull-based stream for the
 * rest: nothing more is rendered until the consumer reads. A page that fits
 * in the first chunk is returned whole, as a string.
 *
 * @example
 * ```ts
 * const { body } = await renderPageStream(['<!doctype html>', render(page)], {
 *   onLateError: () => '<p role="alert">Rendering failed</p>',
 * });
 * return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
 * ```
 */
export async function renderPageStream(parts: readonly Renderable[], options: PageStreamOptions): Promise<PageStream> {
  const writer = new ChunkWriter(parts);
  const within = options.within ?? ((fill) => fill());
  const fill = (limit: number): FillStop => within(() => writer.fill(limit));
  const chunk = options.chunk ?? 262_144;
  let stop: FillStop = fill(options.firstChunk ?? 16_384);
  // Wait out promises until there is something to send: the first byte must
  // carry content, and an error before it still gets a real status code.
  while (stop.kind === 'wait' && !writer.pending) {
    await stop.until;
    stop = fill(options.firstChunk ?? 16_384);
  }
  const first = writer.take();
  if (stop.kind === 'done') return { body: first };
  let waiting: Promise<unknown> | undefined = stop.kind === 'wait' ? stop.until : undefined;
  let complete = false;
  let released = false;

  const body = pullStream(
    {
      async next() {
        for (;;) {
          if (waiting !== undefined) {
            const until = waiting;
            waiting = undefined;
            await until;
            if (released) return { text: '', done: true };
          }
          const next = fill(chunk);
          if (next.kind === 'wait') waiting = next.until;
          const text = writer.take();
          if (next.kind === 'done') {
            complete = true;
            return { text, done: true };
          }
          // Rendering has to wait and nothing was buffered: wait, then go on.
          if (text.length > 0) return { text, done: false };
        }
      },
      fail(error) {
        if (complete) {
          // The page rendered, but what had to happen before it completed did not: fail the response visibly.
          console.error('litflare: finishing the response failed', error);
          throw error;
        }
        // Keep what rendered before the error: the marker closes its open elements.
        return writer.take() + options.onLateError(error);
      },
      release() {
        released = true;
      },
    },
    { first, onContinue: options.onContinue },
  );
  return { body };
}
