import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ServerError } from '../server-error.js';
import { serverDataBackend } from './backend.js';
import { serverDataKey } from './key.js';
import type { Settled } from './settled.js';

type AnyServerFn = (...args: never[]) => Promise<unknown>;

/**
 * Where a {@link ServerData} is.
 *
 * @example
 * ```ts
 * const busy = (status: ServerDataStatus) => status === 'pending';
 * ```
 */
export type ServerDataStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * What to render in each state; shaped like `@lit/task`'s `render()`.
 *
 * @example
 * ```ts
 * const renderers: ServerDataRenderers<Forecast, unknown> = {
 *   pending: () => html`<p>Loading…</p>`,
 *   complete: (forecast) => html`<p>${forecast.summary}</p>`,
 *   error: (error) => html`<p role="alert">${error.message}</p>`,
 * };
 * ```
 */
export interface ServerDataRenderers<T, R> {
  initial?: () => R;
  pending?: () => R;
  complete?: (value: T) => R;
  error?: (error: ServerError) => R;
}

/**
 * Options of {@link ServerData}.
 *
 * @example
 * ```ts
 * #forecast = new ServerData(this, getForecast, () => [this.city], { timeout: 3_000 });
 * ```
 */
export interface ServerDataOptions {
  /** Milliseconds server rendering waits before it renders the error state (a 504). @default the app's, 10 000 */
  timeout?: number;
}

/**
 * Data a component loads through a server function, rendered on the server
 * and hydrated without a second request. During SSR the page's shell streams
 * at once with the `pending` output; when the call settles, the element's
 * markup with the `complete` (or `error`) output streams after it and is
 * swapped into place before the client runs. In the browser the controller
 * first takes the result the page carried, and calls the server only when the
 * arguments change (or the page had no result for them).
 *
 * @example
 * ```ts
 * import { ServerData } from 'litflare';
 * import { getUser } from '../worker/users.server.js';
 *
 * class UserCard extends LitElement {
 *   @property({ type: Number }) userId = 0;
 *   #user = new ServerData(this, getUser, () => [this.userId]);
 *   override render() {
 *     return this.#user.render({
 *       pending: () => html`<p>Loading…</p>`,
 *       complete: (user) => html`<h2>${user.name}</h2>`,
 *       error: (error) => html`<p role="alert">${error.message}</p>`,
 *     });
 *   }
 * }
 * ```
 */
export class ServerData<Fn extends AnyServerFn> implements ReactiveController {
  readonly #host: ReactiveControllerHost & object;
  readonly #fn: Fn;
  readonly #args: () => Parameters<Fn>;
  readonly #timeout: number | undefined;
  #key: string | undefined;
  #status: ServerDataStatus = 'initial';
  #value: Awaited<ReturnType<Fn>> | undefined;
  #error: ServerError | undefined;
  #run = 0;

  // `[...Parameters<Fn>]`, not `Parameters<Fn>`: a spread makes TypeScript type the
  // array a callback returns as a tuple while it is still inferring `Fn`, so
  // `() => []` and `() => [this.city]` type-check without `as [string]`.
  constructor(host: ReactiveControllerHost & object, fn: Fn, args: () => [...Parameters<Fn>], options: ServerDataOptions = {}) {
    this.#host = host;
    this.#fn = fn;
    this.#args = args;
    this.#timeout = options.timeout;
    host.addController(this);
    serverDataBackend()?.attach?.(host);
  }

  /** `initial`, `pending`, `complete` or `error`. */
  get status(): ServerDataStatus {
    return this.#status;
  }

  /** The result, once complete. */
  get value(): Awaited<ReturnType<Fn>> | undefined {
    return this.#value;
  }

  /** The error, as a `ServerError`, once failed. */
  get error(): ServerError | undefined {
    return this.#error;
  }

  /** Checks, before each browser render, whether the arguments changed; loads again if they did. */
  hostUpdate(): void {
    if (!isServer) this.#load(false);
  }

  /** Calls the server again with the current arguments, even if they did not change. */
  async run(): Promise<void> {
    await this.#load(true);
  }

  /** Renders the output for the current state. */
  render<R>(renderers: ServerDataRenderers<Awaited<ReturnType<Fn>>, R>): R | undefined {
    // Server rendering never runs hostUpdate: load on first render instead.
    if (isServer) this.#load(false);
    switch (this.#status) {
      case 'initial':
        return renderers.initial?.();
      case 'pending':
        return renderers.pending?.();
      case 'complete':
        return renderers.complete?.(this.#value as Awaited<ReturnType<Fn>>);
      case 'error':
        return renderers.error?.(this.#error as ServerError);
    }
  }

  #load(force: boolean): Promise<void> {
    const args = this.#args();
    const key = serverDataKey(this.#fn, args);
    const call = () => this.#fn(...args) as Promise<unknown>;
    if (key === this.#key && !force) {
      // On the server an element renders again once its data settled (a streamed boundary).
      if (isServer && this.#status === 'pending') {
        const known = serverDataBackend()?.settled(this.#host, key, call, this.#timeout);
        if (known !== undefined) this.#settle(known);
      }
      return Promise.resolve();
    }
    this.#key = key;
    const run = ++this.#run;
    // The page's own result for these arguments, or (on the server) the render's.
    const known = force ? undefined : serverDataBackend()?.settled(this.#host, key, call, this.#timeout);
    if (known !== undefined) {
      this.#settle(known);
      return Promise.resolve();
    }
    this.#status = 'pending';
    if (isServer) return Promise.resolve();
    // From hostUpdate the render that follows shows `pending`; from run() it must be asked for.
    if (force) this.#host.requestUpdate();
    return call().then(
      (value) => this.#finish(run, { value }),
      (error: unknown) => this.#finish(run, { error: toWire(error) }),
    );
  }

  #finish(run: number, settled: Settled): void {
    // A newer call (changed arguments) wins over an older one still in flight.
    if (run !== this.#run) return;
    this.#settle(settled);
    this.#host.requestUpdate();
  }

  #settle(settled: Settled): void {
    if ('error' in settled) {
      this.#status = 'error';
      this.#error = new ServerError(settled.error.status, settled.error.message, settled.error.data);
    } else {
      this.#status = 'complete';
      this.#value = settled.value as Awaited<ReturnType<Fn>>;
    }
  }
}

function toWire(error: unknown): { status: number; message: string; data?: unknown } {
  if (error instanceof ServerError) return { status: error.status, message: error.message, data: error.data };
  if (error instanceof Error && error.name === 'AbortError') return { status: 499, message: 'The request was aborted.' };
  return { status: 502, message: error instanceof Error ? error.message : String(error) };
}
