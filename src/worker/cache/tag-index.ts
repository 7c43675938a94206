/**
 * Which stored pages carry a tag, kept in the Cache API itself, beside the
 * pages it indexes: the Cache API has no purge by tag of its own (not in
 * Miniflare, and in production only through Cloudflare's purge API), and
 * this needs no binding. One entry per tag, at `<origin>/_lf/cache-tags/<tag>`,
 * holds the keys of the pages stored with it. Like the pages, it is local to
 * one data center. A page stored again under the same tags leaves the index
 * unchanged, so the index is written when a page is first stored, not on each
 * refresh; two pages first stored with the same tag at the same moment in the
 * same data center may both read the old index, and one of them is then left
 * out of it (it expires after its own max-age and stale-while-revalidate).
 */
const INDEX_PATH = '/_lf/cache-tags/';

/** A year: an index lives until a purge removes it, or its data center evicts it. */
const INDEX_CACHE_CONTROL = 'public, max-age=31536000';

/**
 * The index entry's key for `tag` on `origin`.
 *
 * @example
 * ```ts
 * tagKey('https://example.com', 'posts'); // 'https://example.com/_lf/cache-tags/posts'
 * ```
 */
export function tagKey(origin: string, tag: string): string {
  return `${origin}${INDEX_PATH}${encodeURIComponent(tag)}`;
}

/**
 * The page keys stored under `tag`.
 *
 * @example
 * ```ts
 * await taggedKeys(caches.default, origin, 'posts'); // ['https://example.com/posts/1', …]
 * ```
 */
export async function taggedKeys(cache: Cache, origin: string, tag: string): Promise<string[]> {
  const entry = await cache.match(tagKey(origin, tag));
  if (entry === undefined) return [];
  try {
    const keys: unknown = await entry.json();
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Adds `key` to the index of each of `tags`.
 *
 * @example
 * ```ts
 * await indexTags(caches.default, origin, ['posts', 'post:1'], 'https://example.com/posts/1');
 * ```
 */
export async function indexTags(cache: Cache, origin: string, tags: readonly string[], key: string): Promise<void> {
  await Promise.all(
    tags.map(async (tag) => {
      const keys = await taggedKeys(cache, origin, tag);
      if (keys.includes(key)) return;
      keys.push(key);
      await cache.put(tagKey(origin, tag), new Response(JSON.stringify(keys), { headers: { 'cache-control': INDEX_CACHE_CONTROL } }));
    }),
  );
}
