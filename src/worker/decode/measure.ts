import { Branch, classify } from './flattened.js';
import { insertionComparisons, KeyHasher } from './key-collisions.js';

/** Bounds on what a client's devalue may decode to; see {@link measureFlattened}. */
export interface DecodeLimits {
  /** How many levels arrays, objects, maps and sets may nest below the top value. */
  maxDepth: number;
  /** The largest expanded size. */
  maxSize: number;
  /** Where `maxSize` is set, named in the refusal: `rpc: { maxArgSize }`. */
  sizeSetting: string;
}

/** Why a value was refused, with the limit it passed. */
export type Refusal =
  | { kind: 'depth'; maxDepth: number }
  | { kind: 'size'; maxSize: number; setting: string }
  | { kind: 'bigint'; maxLength: number }
  | { kind: 'collisions' };

// Entry states of the walk; 0: not reached yet.
const OPEN = 1;
const DONE = 2;

/**
 * Checks devalue's flattened form (the JSON array that `parse` revives:
 * entries that refer to each other by index) before anything is revived, in
 * one pass that visits each entry once, so it costs time linear in the body.
 * Returns why the value is refused, or undefined. It refuses:
 *
 * - nesting deeper than `maxDepth` below the top value: code that walks a
 *   value recursively runs out of stack. A chain counts through shared
 *   references (a deep chain can hide behind a shallow first sight of each
 *   link); a reference back to an entry on the current chain (a cycle) adds
 *   nothing.
 * - an expanded size over `maxSize`: the size of the value written out in
 *   full, which is the work of any code that walks it (`JSON.stringify`, a
 *   recursive schema, the function itself). Each value counts 1, each
 *   character of a string or key, digit of a BigInt or byte of binary data 1
 *   more, and each slot of an array 1 even when it is a hole (every walk over
 *   an array visits its holes; a sparse array may declare 2³²−1 slots in a few
 *   bytes). A shared reference counts the whole size of what it refers to
 *   every time it appears (`a = [b, b]`, `b = [c, c]`, … doubles per level):
 *   sizes are memoised per entry, and the walk stops as soon as a partial sum
 *   passes the limit. A reference back to an entry still being walked (a
 *   cycle) counts 1, not the infinite tree it stands for: cycles are
 *   legitimate devalue, and code that walks a cyclic value must track what
 *   it has seen anyway. Without shared references or holes, the expanded size
 *   of a body is never more than its length.
 * - a BigInt longer than `MAX_BIGINT_LENGTH` characters (flattened.ts).
 * - Map and Set keys chosen to collide in V8's hash tables (key-collisions.ts):
 *   more than 8 comparisons per key in all, plus 65,536.
 *
 * @example
 * ```ts
 * measureFlattened(JSON.parse('[[1],[-7,4294967295]]'), { maxDepth: 64, maxSize: 1_000_000, sizeSetting: 'rpc: { maxArgSize }' });
 * // { kind: 'size', maxSize: 1000000, setting: 'rpc: { maxArgSize }' }
 * ```
 */
export function measureFlattened(values: unknown, limits: DecodeLimits): Refusal | undefined {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  // Small bodies (most calls) keep their entries' figures in plain arrays:
  // three typed arrays cost three ArrayBuffers per call.
  const small = values.length <= SMALL;
  const state = small ? zeros(values.length) : new Uint8Array(values.length);
  const sizes = small ? zeros(values.length) : new Float64Array(values.length);
  const heights = small ? zeros(values.length) : new Uint32Array(values.length);
  /** Made when a Map or Set key is first hashed. */
  let hasher: KeyHasher | undefined;
  /** Key hashes by entry, made on first use: -1 not yet, -2 not a number or BigInt. */
  let hashed: Int32Array | undefined;
  let keys = 0;
  let comparisons = 0;
  // The chain of containers may be one longer than maxDepth: the top value.
  const maxChain = limits.maxDepth + 1;
  const tooDeep: Refusal = { kind: 'depth', maxDepth: limits.maxDepth };
  const tooLarge: Refusal = { kind: 'size', maxSize: limits.maxSize, setting: limits.sizeSetting };

  /** The key hash of entry `index`, when it is a number or a BigInt. */
  const keyHash = (index: number): number | undefined => {
    hashed ??= new Int32Array(values.length).fill(-1);
    if (hashed[index] === -1) hashed[index] = hashOf(values[index], (hasher ??= new KeyHasher()));
    const hash = hashed[index]!;
    return hash === -2 ? undefined : hash;
  };

  const frames: Branch[] = [];
  /** Starts on entry `index`; a leaf is done at once. */
  const enter = (index: number, parentDepth: number): Refusal | undefined => {
    state[index] = OPEN;
    const entry = classify(values[index]);
    if (typeof entry === 'number') {
      state[index] = DONE;
      sizes[index] = entry;
      return entry > limits.maxSize ? tooLarge : undefined;
    }
    if (!(entry instanceof Branch)) return entry;
    entry.index = index;
    entry.depth = parentDepth + (entry.container ? 1 : 0);
    if (entry.depth > maxChain) return tooDeep;
    if (entry.size > limits.maxSize) return tooLarge;
    frames.push(entry);
    return undefined;
  };

  const refused = enter(0, 0);
  if (refused !== undefined) return refused;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.at < frame.end) {
      const position = frame.at;
      const ref: unknown = frame.refs[position];
      frame.at += frame.step;
      const index = isIndex(ref, values.length) ? ref : undefined;
      if (index !== undefined && frame.hashes !== undefined && (frame.keys === 1 || (position - frame.from) % 2 === 0)) {
        const hash = keyHash(index);
        if (hash !== undefined) frame.hashes.push(hash);
      }
      if (index === undefined || state[index] === OPEN) {
        // A constant, a hole, a reference devalue refuses, or a cycle: 1 each.
        frame.size += 1;
      } else if (state[index] === DONE) {
        frame.size += sizes[index]!;
        if (frame.depth + heights[index]! > maxChain) return tooDeep;
        frame.below = Math.max(frame.below, heights[index]!);
      } else {
        const wrong = enter(index, frame.depth);
        if (wrong !== undefined) return wrong;
        if (state[index] === DONE) frame.size += sizes[index]!;
      }
      if (frame.size > limits.maxSize) return tooLarge;
      continue;
    }
    frames.pop();
    state[frame.index] = DONE;
    sizes[frame.index] = frame.size;
    heights[frame.index] = frame.below + (frame.container ? 1 : 0);
    if (frame.hashes !== undefined && frame.hashes.length > 0) {
      keys += frame.hashes.length;
      comparisons += insertionComparisons(frame.hashes);
      if (comparisons > 8 * keys + 65_536) return { kind: 'collisions' };
    }
    const parent = frames[frames.length - 1];
    if (parent === undefined) break;
    parent.size += frame.size;
    parent.below = Math.max(parent.below, heights[frame.index]!);
    if (parent.size > limits.maxSize) return tooLarge;
  }
  return undefined;
}

/**
 * A refusal as a sentence about `subject` ("The arguments of save", plural;
 * "The message", singular).
 *
 * @example
 * ```ts
 * describeRefusal({ kind: 'depth', maxDepth: 64 }, 'The message', false); // 'The message nests more than 64 levels deep.'
 * ```
 */
export function describeRefusal(refusal: Refusal, subject: string, plural: boolean): string {
  const [nest, are, hold] = plural ? ['nest', 'are', 'hold'] : ['nests', 'is', 'holds'];
  switch (refusal.kind) {
    case 'depth':
      return `${subject} ${nest} more than ${refusal.maxDepth} levels deep.`;
    case 'size':
      return (
        `${subject} ${are} larger than ${refusal.maxSize} written out in full, counting every shared reference, ` +
        `array slot (holes too) and character (the limit is ${refusal.setting}).`
      );
    case 'bigint':
      return `${subject} ${hold} a BigInt of more than ${refusal.maxLength} digits.`;
    case 'collisions':
      return `${subject} ${hold} Map or Set keys chosen to collide in the engine's hash tables.`;
  }
}

/** The key hash of an entry that is a number or a BigInt, else -2. */
function hashOf(entry: unknown, hasher: KeyHasher): number {
  if (typeof entry === 'number') return hasher.hash(entry);
  if (!Array.isArray(entry) || entry[0] !== 'BigInt' || typeof entry[1] !== 'string') return -2;
  return hasher.hashBigInt(entry[1]) ?? -2;
}

/** Entries up to which the walk's figures live in plain arrays. */
const SMALL = 64;

function zeros(length: number): number[] {
  const array: number[] = [];
  for (let i = 0; i < length; i++) array.push(0);
  return array;
}

function isIndex(ref: unknown, length: number): ref is number {
  return typeof ref === 'number' && Number.isInteger(ref) && ref >= 0 && ref < length;
}
