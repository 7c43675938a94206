import { scopeOf } from '../context/scope.js';
import { tryCurrentContext } from '../context/storage.js';
import { edgeCache } from './edge-cache.js';
import { taggedKeys, tagKey } from './tag-index.js';

/**
 * What {@link purge} removes from the edge cache.
 *
 * @example
 * ```ts
 * const what: PurgeOptions = { tags: ['todos'], paths: ['/'] };
 * ```
 */
export interface PurgeOptions {
  /** Every page stored with one of these tags (`cache: { tags }`). */
  tags?: readonly string[];
  /** These pages, by path and query as requested (`/posts?page=2`), or as full URLs. */
  paths?: readonly string[];
  /** The origin the paths and tags belong to. @default the current request's */
  origin?: string;
}

/**
 * Removes pages from the edge cache (`caches.default`), by tag and by path,
 * e.g. after a server function changed what they show; the next visit renders
 * them again. Resolves to the number of stored pages removed. Like the Cache
 * API, it acts on the data center it runs in: pages stored elsewhere expire
 * after their max-age (for a global purge, Cloudflare's purge API takes the
 * same tags: stored pages carry them as `Cache-Tag`).
 *
 * @example
 * ```ts
 * export async function addTodo(title: string) {
 *   await d1('DB').prepare('INSERT INTO todos (title) VALUES (?)').bind(title).run();
 *   await purge({ tags: ['todos'] });
 * }
 * ```
 */
export async function purge(options: PurgeOptions): Promise<number> {
  const origin = options.origin ?? originOfRequest();
  const cache = edgeCache();
  const keys = new Set<string>();
  for (const path of options.paths ?? []) keys.add(new URL(path, origin).href);
  for (const tag of options.tags ?? []) {
    for (const key of await taggedKeys(cache, origin, tag)) keys.add(key);
  }
  const removed = await Promise.all([...keys].map((key) => cache.delete(key)));
  await Promise.all((options.tags ?? []).map((tag) => cache.delete(tagKey(origin, tag))));
  return removed.filter(Boolean).length;
}

function originOfRequest(): string {
  const c = tryCurrentContext();
  const scope = c === undefined ? undefined : scopeOf(c);
  if (c === undefined || scope?.invocation !== 'fetch') {
    throw new Error('litflare: purge() outside a request needs the origin of the pages: purge({ tags, origin: "https://example.com" }).');
  }
  return new URL(c.req.url).origin;
}
