/**
 * Settings for every server function call from the browser.
 *
 * @example
 * ```ts
 * const config: RpcConfig = { baseUrl: 'https://app.example.com', headers: { 'x-app-version': '3' } };
 * configureRpc(config);
 * ```
 */
export interface RpcConfig {
  /** Where the Worker is, when it is not the page's origin. @default '' */
  baseUrl?: string;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** The fetch to use (e.g. one that adds auth or retries). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Goes where a server function's `redirect()` points (e.g. your client-side
   * router's navigation). The call itself never settles: the page is leaving.
   * @default (location) => window.location.assign(location)
   */
  navigate?: (location: string) => void;
}

/**
 * Options for one call.
 *
 * @example
 * ```ts
 * const options: CallOptions = { signal: AbortSignal.timeout(5_000), headers: { 'x-trace': '1' } };
 * const todos = await withRpc(options, () => listTodos());
 * ```
 */
export interface CallOptions {
  /** Aborts the call (and, for a streamed result, the stream). */
  signal?: AbortSignal;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

const config: RpcConfig = {};
let nextCall: CallOptions | undefined;

/**
 * Sets, once for the whole app, how the browser calls server functions.
 *
 * @example
 * ```ts
 * configureRpc({ headers: { 'x-app-version': '42' } });
 * ```
 */
export function configureRpc(settings: RpcConfig): void {
  Object.assign(config, settings);
}

/**
 * Calls server functions inside `call` with per-call options, e.g. an
 * `AbortSignal`. On the server, where server functions are plain functions,
 * it simply runs `call`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const results = withRpc({ signal: controller.signal }, () => search(query));
 * controller.abort(); // the request is cancelled; `results` rejects with an AbortError
 * ```
 */
export function withRpc<T>(options: CallOptions, call: () => T): T {
  const outer = nextCall;
  nextCall = options;
  try {
    return call();
  } finally {
    nextCall = outer;
  }
}

/** The app's settings and this call's options (read synchronously when a proxy is called). */
export function currentCall(): { config: RpcConfig; call: CallOptions | undefined } {
  return { config, call: nextCall };
}
