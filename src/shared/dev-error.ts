/**
 * `type` of the `<script>` element in which a development page carries the
 * error that broke it (JSON of {@link DevErrorData}). Browsers never execute
 * it; in `vite dev` the client runtime shows it in Vite's error overlay.
 */
export const DEV_ERROR_SCRIPT_TYPE = 'application/litflare+error';

/** An error as a development page carries it to the browser. */
export interface DevErrorData {
  /** `Name: message`. */
  message: string;
  /** The stack, already source-mapped where it was thrown (the Worker's module runner maps it). */
  stack?: string;
}

/**
 * An error as development answers carry it (a page's error script, a server
 * function's error answer): `Name: message` and the stack, or the thrown
 * value as a string.
 *
 * @example
 * ```ts
 * devErrorData(new TypeError('no title')); // { message: 'TypeError: no title', stack: 'TypeError: no title\n    at …' }
 * ```
 */
export function devErrorData(error: unknown): DevErrorData {
  if (!(error instanceof Error)) return { message: String(error) };
  const message = `${error.name}: ${error.message}`;
  return error.stack === undefined ? { message } : { message, stack: error.stack };
}

/**
 * The `vite dev` endpoint (under Vite's `base`) that maps an error's stack to
 * the user's sources and adds a code frame: POST {@link DevErrorReport},
 * answered with {@link DevErrorOverlay}. Served by the litflare Vite plugin in
 * development only.
 */
export const DEV_ERROR_PATH = '__litflare/error';

/** What the browser sends to {@link DEV_ERROR_PATH}. */
export interface DevErrorReport extends DevErrorData {
  /**
   * Where the stack was captured: `client` (the browser: positions in the
   * modules Vite served, mapped by the endpoint) or `worker` (already mapped).
   */
  environment: 'client' | 'worker';
  /** The custom element the error is about (a hydration failure): the overlay points at its source. */
  element?: string;
}

/** The endpoint's answer: the error as Vite's error overlay takes it. */
export interface DevErrorOverlay {
  message: string;
  /** The stack's frames in the app's own code, each position mapped to its source (the first frame when none is the app's). */
  stack: string;
  /** The first position in the app's own code (not node_modules, not litflare). */
  loc?: { file: string; line: number; column: number };
  /** A code frame around `loc`. */
  frame?: string;
  plugin: 'litflare';
  /** `false` when the app turned Vite's overlay off (`server.hmr.overlay`). */
  overlay: boolean;
}
