/**
 * The Workers runtime's default cache (`caches.default`), typed here: litflare's
 * sources are also checked with the DOM's `CacheStorage`, which lacks it.
 *
 * @example
 * ```ts
 * await edgeCache().match('https://example.com/about');
 * ```
 */
export function edgeCache(): Cache {
  return (caches as CacheStorage & { readonly default: Cache }).default;
}
