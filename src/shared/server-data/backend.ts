import type { Settled } from './settled.js';

/**
 * What a {@link ServerData} controller asks of the side it runs on. In the
 * Worker, litflare's page renderer implements it: it starts the call, flushes
 * the shell with the pending state, and streams the element again once the
 * call settles. In the browser, litflare's client implements it from the
 * page's hydration data. Registered once by `litflare/worker` or
 * `litflare/client` at start-up (static wiring, no per-request state).
 */
export interface ServerDataBackend {
  /** A `ServerData` controller was created for `host` (its constructor runs before it renders). */
  attach?(host: object): void;
  /**
   * The settled result of call `key` for `host`, when it is known now: in the
   * Worker, because this render already awaited it; in the browser, because
   * the page carried it. Otherwise `undefined`: in the Worker the call has
   * then been started (`call`), and the host will render again when it settles.
   */
  settled(host: object, key: string, call: () => Promise<unknown>, timeout: number | undefined): Settled | undefined;
}

let backend: ServerDataBackend | undefined;

/**
 * Installs the side's implementation (called by litflare itself).
 *
 * @example
 * ```ts
 * setServerDataBackend({ settled: (host, key) => cache.get(key) });
 * ```
 */
export function setServerDataBackend(implementation: ServerDataBackend): void {
  backend = implementation;
}

/** The installed implementation, if any (none in a plain unit test of a component). */
export function serverDataBackend(): ServerDataBackend | undefined {
  return backend;
}
