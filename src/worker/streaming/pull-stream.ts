import { AsyncLocalStorage } from 'node:async_hooks';

/** One step of a {@link PullSource}: text to send, and whether it is the last. */
export interface PullStep {
  readonly text: string;
  readonly done: boolean;
}

/** What a {@link pullStream} reads from, one step per read of the consumer. */
export interface PullSource {
  /** The next text to send; runs in the request's async context. */
  next(): PullStep | Promise<PullStep>;
  /**
   * The text that ends the stream after `next()`, or the request's remaining
   * work, threw. Throw to fail the stream instead (nothing can be said).
   */
  fail(error: unknown): string;
  /** Lets go of what the source holds: the reader went away, or the source failed. */
  release?(): void | Promise<void>;
}

/** Options of {@link pullStream}. */
export interface PullStreamOptions {
  /** Text already produced, sent at once. */
  first?: string;
  /**
   * Called once, when the stream is made: the request goes on running after
   * its headers went out. Returns its remaining work (e.g. saving the
   * session), which the stream awaits before its last text.
   */
  onContinue?: () => () => Promise<void>;
}

const encoder = new TextEncoder();

/**
 * A response body produced as it is read (nothing is made ahead of the
 * consumer), for the rest of a page and for a streamed server function
 * result. Every step runs in the async context of the request that made the
 * stream (the consumer pulls from outside it), so accessors and the session
 * still see their request. The last text goes out only once the request's
 * remaining work is done, so whatever the client does next sees it; an error
 * ends the stream with the source's `fail()` text; a consumer that goes away
 * releases the source and still ends the request's work.
 *
 * @example
 * ```ts
 * const items = ['a', 'b'];
 * const body = pullStream({
 *   next: () => ({ text: items.shift() ?? '', done: items.length === 0 }),
 *   fail: () => '<p role="alert">failed</p>',
 * });
 * ```
 */
export function pullStream(source: PullSource, options: PullStreamOptions = {}): ReadableStream<Uint8Array> {
  const inRequest = AsyncLocalStorage.snapshot();
  const remaining = options.onContinue?.();
  const releaseAndFinish = () =>
    inRequest(async () => {
      await source.release?.();
      if (remaining !== undefined) await remaining();
    });
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (options.first !== undefined && options.first.length > 0) controller.enqueue(encoder.encode(options.first));
      },
      async pull(controller) {
        let last: string;
        try {
          const step = await inRequest(() => source.next());
          if (ended) return;
          if (!step.done) {
            if (step.text.length > 0) controller.enqueue(encoder.encode(step.text));
            return;
          }
          if (remaining !== undefined) await inRequest(remaining);
          ended = true;
          last = step.text;
        } catch (error) {
          if (ended) return;
          ended = true;
          try {
            last = inRequest(() => source.fail(error));
          } catch (failure) {
            controller.error(failure);
            return;
          }
          await releaseAndFinish().catch((cleanup: unknown) => console.error('litflare: ending a stream failed', cleanup));
        }
        if (last.length > 0) controller.enqueue(encoder.encode(last));
        controller.close();
      },
      async cancel() {
        if (ended) return;
        ended = true;
        await releaseAndFinish();
      },
    },
    { highWaterMark: 0 },
  );
}
