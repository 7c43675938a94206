// Elements the page leaves undefined on purpose (islands still waiting, or
// server-only): the development check for undefined elements skips them.
// Browser state, one page per realm.
const deferred = new Set<string>();

/** Marks a tag as left undefined on purpose. */
export function deferTag(tag: string): void {
  deferred.add(tag);
}

/** Whether a tag is left undefined on purpose. */
export function isDeferredTag(tag: string): boolean {
  return deferred.has(tag);
}
