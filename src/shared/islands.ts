/**
 * When an element's code reaches the browser:
 * - `load`: with the page (the default for elements the client entry imports);
 * - `idle`: once the browser is idle;
 * - `visible`: when the element scrolls into view (each instance hydrates then);
 * - `none`: never: the element stays server-rendered HTML, with no JavaScript at all.
 *
 * @example
 * ```ts
 * const when: Hydrate = 'visible';
 * ```
 */
export type Hydrate = 'load' | 'idle' | 'visible' | 'none';

/**
 * Element tag names and when each hydrates.
 *
 * @example
 * ```ts
 * export const islands: Islands = defineIslands({ 'review-list': 'visible', 'site-footer': 'none' });
 * ```
 */
export type Islands = Readonly<Record<string, Hydrate>>;

/**
 * Declares the app's islands: elements whose code loads later than the page,
 * or never. Share the object between the Worker (`createApp({ islands })`,
 * which keeps `idle` and `visible` elements deferred) and the client entry
 * (`hydrateIslands(islands, loaders)`, which loads their code when the moment comes).
 *
 * @example
 * ```ts
 * // components/islands.ts
 * export const islands = defineIslands({ 'product-reviews': 'visible', 'chat-widget': 'idle', 'site-footer': 'none' });
 * ```
 */
export function defineIslands<T extends Islands>(islands: T): T {
  return islands;
}
