import type { Settled } from '../../shared/server-data/settled.js';
import { showServerError } from './overlay.js';

/**
 * Shows the unexpected errors of server-data calls made while the page
 * rendered (the elements show their error state) in Vite's error overlay,
 * with the server function's source-mapped stack. Only development answers
 * carry a stack.
 *
 * @example
 * ```ts
 * const data = readHydrationData(document);
 * if (import.meta.env.DEV) showDataErrors(data);
 * ```
 */
export function showDataErrors(data: ReadonlyMap<string, Settled>): void {
  for (const settled of data.values()) {
    if ('error' in settled) void showServerError(settled.error);
  }
}
