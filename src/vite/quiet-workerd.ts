// What workerd logs when vitest-pool-workers 0.15 shuts it down while the
// pool's own WebSocket to the test runner is still closing: after every test
// run, whether or not a test used a WebSocket. Benign (vitest-pool-workers
// 0.16 filters it: cloudflare/workers-sdk#13833), but it reads like a failure.
const TEARDOWN_NOISE = /^(?:exception = )?workerd\/api\/web-socket\.c\+\+:\d+: disconnected: WebSocket peer disconnected\s*$/;

let installed = false;

/**
 * Keeps the one benign line workerd logs at the end of a Vitest run with
 * `@cloudflare/vitest-pool-workers` 0.15 off the terminal; every other line
 * the pool writes passes unchanged. Call it where the pool runs: Vitest's main
 * process, which loads the config (`litflareTest()` does, under Vitest).
 *
 * @example
 * ```ts
 * if (process.env.VITEST) quietWorkerdTeardown();
 * ```
 */
export function quietWorkerdTeardown(): void {
  if (installed) return;
  installed = true;
  // The pool writes workerd's log lines to stdout or stderr by their level.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      if (typeof chunk === 'string' && TEARDOWN_NOISE.test(chunk)) return true;
      return (write as (chunk: unknown, ...rest: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  }
}
