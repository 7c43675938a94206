/**
 * Reads a `ReadableStream` as an async generator. Stopping early (`break`,
 * `return()`) or an error cancels the stream, so whoever produces it (a
 * server function, a request) can stop.
 *
 * @example
 * ```ts
 * for await (const item of readStream(stream)) if (done(item)) break;
 * ```
 */
export async function* readStream<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
