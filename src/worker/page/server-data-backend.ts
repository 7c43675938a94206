import { AsyncLocalStorage } from 'node:async_hooks';
import { setServerDataBackend } from '../../shared/server-data/backend.js';
import type { Boundaries } from './boundaries.js';

// The page render a ServerData controller belongs to: every render runs its
// chunks inside `withinRender`, so concurrent pages never see each other's data.
const current = new AsyncLocalStorage<Boundaries>();

setServerDataBackend({
  attach: (host) => current.getStore()?.attach(host),
  settled: (host, key, call, timeout) => current.getStore()?.settled(host, key, call, timeout),
});

/**
 * Runs `render` as part of the page render that owns `boundaries`.
 *
 * @example
 * ```ts
 * const stop = withinRender(boundaries, () => writer.fill(65_536));
 * ```
 */
export function withinRender<T>(boundaries: Boundaries, render: () => T): T {
  return current.run(boundaries, render);
}
