import type { Islands } from '../../shared/islands.js';
import { deepElements } from '../dom/deep-elements.js';
import { deferTag } from './deferred-tags.js';

/**
 * For each island that hydrates in the browser: how to load its module (a dynamic import).
 *
 * @example
 * ```ts
 * const loaders: IslandLoaders = { 'review-list': () => import('../components/review-list.js') };
 * ```
 */
export type IslandLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * Options of {@link hydrateIslands}.
 *
 * @example
 * ```ts
 * hydrateIslands(islands, loaders, { eager: location.search.includes('islands=eager') });
 * ```
 */
export interface HydrateIslandsOptions {
  /** Load every island with a loader at once, ignoring `idle` and `visible` (to compare, or to debug). */
  eager?: boolean;
}

/**
 * Hydrates islands when their moment comes. Their modules are not part of the
 * client entry: each is loaded with its loader (Vite splits it into a chunk of
 * its own) at `load`, when the browser is `idle`, or when an instance becomes
 * `visible`; each `visible` instance hydrates as it scrolls into view. An
 * island the page does not contain is not loaded at all, so islands also split
 * the app's code by page. `none` elements have no loader: their code never
 * reaches the browser.
 *
 * @example
 * ```ts
 * // client/main.ts
 * import 'litflare/client';
 * import { hydrateIslands } from 'litflare/client';
 * import { islands } from '../components/islands.js';
 *
 * hydrateIslands(islands, { 'product-reviews': () => import('../components/product-reviews.js') });
 * ```
 */
export function hydrateIslands(islands: Islands, loaders: IslandLoaders, options: HydrateIslandsOptions = {}): void {
  let elements: Element[] | undefined;
  for (const [tag, hydrate] of Object.entries(islands)) {
    if (hydrate === 'none') {
      deferTag(tag);
      continue;
    }
    const load = loaders[tag];
    if (load === undefined) {
      console.warn(`litflare: island <${tag}> hydrates on "${hydrate}" but hydrateIslands() got no loader for it.`);
      continue;
    }
    deferTag(tag);
    let loaded: Promise<unknown> | undefined;
    const ensureLoaded = () => (loaded ??= load().then(() => customElements.whenDefined(tag)));
    const hydrateNow = (element: Element) => void ensureLoaded().then(() => element.removeAttribute('defer-hydration'));
    // One walk of the page (shadow roots included) for every island.
    const instances = (elements ??= [...deepElements(document)]).filter((element) => element.localName === tag);
    if (options.eager === true) {
      void ensureLoaded();
      instances.forEach(hydrateNow);
    } else if (instances.length === 0) {
      // Not on this page: its code is not loaded at all.
      continue;
    } else if (hydrate === 'load') {
      instances.forEach(hydrateNow);
    } else if (hydrate === 'idle') {
      whenIdle(() => instances.forEach(hydrateNow));
    } else {
      const observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          hydrateNow(entry.target);
        }
      });
      instances.forEach((element) => observer.observe(element));
    }
  }
}

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
