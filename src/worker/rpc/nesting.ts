/**
 * Whether `value` nests arrays, objects, maps or sets more than `limit` levels
 * deep. Decoded arguments are checked before a function sees them: code that
 * walks a value recursively (a schema validator, the result encoder, the
 * function itself) runs out of stack on a value nested a few thousand levels
 * deep, which the decoder still accepts. Walks iteratively; each object is
 * visited once, so repeated and cyclic references cost nothing extra.
 *
 * @example
 * ```ts
 * nestedDeeperThan([[[1]]], 2); // true
 * ```
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    if (depth >= limit) return true;
    seen.add(current);
    for (const child of children(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function children(value: object): Iterable<unknown> {
  if (Array.isArray(value)) return value;
  if (value instanceof Map) return [...value.keys(), ...value.values()];
  if (value instanceof Set) return value.values();
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp || value instanceof URL) return [];
  return Object.values(value);
}
