import { currentCall } from '../../shared/rpc/options.js';

/**
 * Follows a server function's `redirect()`: navigates (with the app's
 * `navigate`, else `location.assign`) and returns a promise that never
 * settles, so no code after the call runs as if it had succeeded or failed
 * while the page is leaving.
 *
 * @example
 * ```ts
 * const url = response.headers.get(RPC_REDIRECT_HEADER);
 * if (url !== null) return followRedirect(url);
 * ```
 */
export function followRedirect(url: string): Promise<never> {
  const { navigate } = currentCall().config;
  if (navigate === undefined) location.assign(url);
  else navigate(url);
  return new Promise<never>(() => {});
}
