/**
 * Whether `value` nests arrays, objects, maps or sets more than `limit` levels
 * deep: whether its longest chain of containers, each inside the one before,
 * is longer than `limit`. Decoded arguments are checked before a function
 * sees them: code that walks a value recursively (a schema validator, the
 * result encoder, the function itself) runs out of stack on a value nested a
 * few thousand levels deep, which the decoder still accepts. A chain counts
 * through shared references too (devalue sends a shared object once, so a
 * deep chain can hide behind a shallow first sight of each link); a reference
 * back to a container on the current chain (a cycle) adds nothing. Walks
 * iteratively and settles each container's own height once, so the cost
 * stays linear in the number of containers.
 *
 * @example
 * ```ts
 * nestedDeeperThan([[[1]]], 2); // true
 * ```
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (!isContainer(value)) return false;
  /** Containers finished: the length of the longest chain from each one down. */
  const height = new Map<object, number>();
  const onChain = new Set<object>();
  const frames: { node: object; children: Iterator<unknown>; below: number }[] = [];
  const enter = (node: object) => {
    onChain.add(node);
    frames.push({ node, children: children(node)[Symbol.iterator](), below: 0 });
  };
  enter(value);
  while (frames.length > 0) {
    if (frames.length > limit) return true;
    const frame = frames[frames.length - 1]!;
    const next = frame.children.next();
    if (!next.done) {
      const child: unknown = next.value;
      if (!isContainer(child) || onChain.has(child)) continue;
      const known = height.get(child);
      if (known === undefined) enter(child);
      else frame.below = Math.max(frame.below, known);
      continue;
    }
    frames.pop();
    onChain.delete(frame.node);
    const own = frame.below + 1;
    if (frames.length + own > limit) return true;
    height.set(frame.node, own);
    const parent = frames[frames.length - 1];
    if (parent !== undefined) parent.below = Math.max(parent.below, own);
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function children(value: object): Iterable<unknown> {
  if (Array.isArray(value)) return value;
  if (value instanceof Map) return [...value.keys(), ...value.values()];
  if (value instanceof Set) return value.values();
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp || value instanceof URL) return [];
  return Object.values(value);
}
