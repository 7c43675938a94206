import type { Refusal } from './measure.js';

/** The longest BigInt a client may send, in characters: parsing and printing one costs more than linear in its length. */
export const MAX_BIGINT_LENGTH = 4096;

// devalue's references below 0 are constants (undefined, NaN, …); this one marks a sparse array.
const SPARSE = -7;

/**
 * An entry of devalue's flattened form that holds references
 * (`refs[from]`, `refs[from + step]`, … before `end`), and the walk's state on it: one
 * object per entry, of one shape, on the walk's hot path.
 *
 * @example
 * ```ts
 * const set = classify(['Set', 1, 2]); // a Branch: references from 1, every one a key
 * ```
 */
export class Branch {
  /** The entry's index, and the containers from the root down to it (this one included): set by the walk. */
  index = 0;
  depth = 0;
  /** The next reference to follow. */
  at: number;
  /** The expanded size so far: its own part (1, its keys' characters, a sparse array's holes), then its references'. */
  size: number;
  /** The tallest chain of containers below this entry. */
  below = 0;
  /** A Map's or Set's key hashes. */
  hashes: number[] | undefined;

  constructor(
    readonly refs: readonly unknown[],
    readonly from: number,
    readonly step: number,
    /** An array, object, map or set: a level of nesting. */
    readonly container: boolean,
    own: number,
    /** Which references are Map or Set keys: none, every one (a set), every other one (a map). */
    readonly keys: 0 | 1 | 2,
    readonly end = refs.length,
  ) {
    this.at = from;
    this.size = own;
    this.hashes = keys === 0 ? undefined : [];
  }
}

/**
 * What an entry of the flattened form is: a leaf (its expanded size), an
 * entry that holds references, or a refusal. Follows devalue 6's
 * `unflatten`; shapes it refuses are measured as well as they can be and left
 * to it to refuse.
 *
 * @example
 * ```ts
 * classify('hello'); // 6: the value and its 5 characters
 * classify([-7, 4294967295]); // a Branch of size 4294967296: a sparse array's holes count
 * ```
 */
export function classify(entry: unknown): number | Refusal | Branch {
  if (typeof entry === 'string') return 1 + entry.length;
  if (typeof entry !== 'object' || entry === null) return 1;
  if (!Array.isArray(entry)) {
    let own = 1;
    for (const key in entry) own += key.length;
    return new Branch(Object.values(entry), 0, 1, true, own, 0);
  }
  const tag: unknown = entry[0];
  if (tag === SPARSE) {
    const length: unknown = entry[1];
    const present = Math.floor((entry.length - 2) / 2);
    const holes = typeof length === 'number' && Number.isInteger(length) && length > present ? length - present : 0;
    return new Branch(entry, 3, 2, true, 1 + holes, 0);
  }
  if (typeof tag !== 'string') return new Branch(entry, 0, 1, true, 1, 0);
  switch (tag) {
    case 'Set':
      return new Branch(entry, 1, 1, true, 1, 1);
    case 'Map':
      return new Branch(entry, 1, 1, true, 1, 2);
    case 'null':
      return new Branch(entry, 2, 2, true, 1 + characters(entry, 1, 2), 0);
    case 'BigInt':
      return typeof entry[1] === 'string' && entry[1].length > MAX_BIGINT_LENGTH
        ? { kind: 'bigint', maxLength: MAX_BIGINT_LENGTH }
        : 1 + characters(entry, 1, 1);
    case 'ArrayBuffer':
      // Base64: 3 bytes per 4 characters.
      return 1 + Math.floor((characters(entry, 1, 1) * 3) / 4);
    case 'Object':
    case 'Int8Array':
    case 'Uint8Array':
    case 'Uint8ClampedArray':
    case 'Int16Array':
    case 'Uint16Array':
    case 'Float16Array':
    case 'Int32Array':
    case 'Uint32Array':
    case 'Float32Array':
    case 'Float64Array':
    case 'BigInt64Array':
    case 'BigUint64Array':
    case 'DataView':
      // A boxed primitive, or a view of a buffer: the size of what it refers to, each time.
      return new Branch(entry, 1, 1, false, 1, 0, 2);
    default:
      // Date, RegExp, URL, URLSearchParams, Temporal values: their text.
      return 1 + characters(entry, 1, 1);
  }
}

/** The characters of the strings among `items[from]`, `items[from + step]`, … */
function characters(items: readonly unknown[], from: number, step: number): number {
  let count = 0;
  for (let i = from; i < items.length; i += step) {
    const item = items[i];
    if (typeof item === 'string') count += item.length;
  }
  return count;
}
