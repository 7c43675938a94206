import { setServerDataBackend } from '../../shared/server-data/backend.js';
import type { Settled } from '../../shared/server-data/settled.js';

/**
 * Lets `ServerData` controllers take the results the page carried instead of
 * calling the server again. A result serves every element that hydrates in
 * the same task (several elements may load the same thing); after that it is
 * dropped, so later loads with the same arguments get fresh data.
 *
 * @example
 * ```ts
 * useHydrationData(readHydrationData(document));
 * ```
 */
export function useHydrationData(data: Map<string, Settled>): void {
  setServerDataBackend({
    settled: (_host, key) => {
      const settled = data.get(key);
      if (settled !== undefined) setTimeout(() => data.delete(key));
      return settled;
    },
  });
}
