// V8 hashes the number and BigInt keys of a Map or Set without a seed
// (`Object::GetSimpleHash`: `ComputeUnseededHash` of an int32, else
// `ComputeLongHash` of a double's bits or of a BigInt's lowest 64-bit digit),
// so a client can choose keys that all share one bucket. Each insertion then
// compares with every key before it: 16,384 such keys (260 KB of devalue)
// take a third of a second to decode in workerd, 1 MB takes seconds. Strings
// are hashed with a seed and objects by identity, so only these keys count.

/**
 * The bucket hash V8 gives a number or BigInt key of a Map or Set. Keeps an
 * 8-byte scratch buffer to read a double's bits, so make one per measure.
 *
 * @example
 * ```ts
 * const hasher = new KeyHasher();
 * hasher.hash(42) === hasher.hash(42.0); // true
 * hasher.hashBigInt('18446744073709551616') === hasher.hashBigInt('0'); // true: 2^64 and 0 share their lowest digit
 * ```
 */
export class KeyHasher {
  readonly #double = new Float64Array(1);
  /** The double's 32-bit halves: [low, high] on the little-endian machines Workers run on. */
  readonly #words = new Uint32Array(this.#double.buffer);

  /** The hash of a number key. */
  hash(key: number): number {
    if (Number.isNaN(key)) return 0x3fff_ffff;
    // -0 is an int32 too: collections use SameValueZero.
    if (Number.isInteger(key) && key >= -0x8000_0000 && key <= 0x7fff_ffff) return unseededHash(key >>> 0);
    this.#double[0] = key;
    return longHash(this.#words[1]!, this.#words[0]!);
  }

  /**
   * The hash of a BigInt key from the text devalue revives it from: the hash
   * of its lowest 64-bit digit (the sign aside). Decimal text, what devalue
   * writes, is read without making a BigInt; other text `BigInt()` takes (hex,
   * binary, spaces) is parsed. Undefined for text that is not a BigInt.
   */
  hashBigInt(text: string): number | undefined {
    const digits = text.startsWith('-') ? text.slice(1) : text;
    if (!/^\d+$/.test(digits)) return this.#parsedBigIntHash(text);
    let high = 0;
    let low = 0;
    for (let i = 0; i < digits.length; i++) {
      // (high:low) * 10 + digit, modulo 2^64; each product stays below 2^53.
      const next = low * 10 + digits.charCodeAt(i) - 48;
      low = next % 0x1_0000_0000;
      high = (high * 10 + Math.floor(next / 0x1_0000_0000)) % 0x1_0000_0000;
    }
    return longHash(high, low);
  }

  #parsedBigIntHash(text: string): number | undefined {
    let value: bigint;
    try {
      value = BigInt(text);
    } catch {
      return undefined;
    }
    const digit = BigInt.asUintN(64, value < 0n ? -value : value);
    return longHash(Number(digit >> 32n), Number(digit & 0xffff_ffffn));
  }
}

/**
 * How many key comparisons V8 makes to insert keys with these hashes, in this
 * order, into a new Map or Set: its OrderedHashTable starts with room for 4
 * entries in 2 buckets and doubles when full, and an insertion compares the
 * key with every key already in its bucket. Linear in the number of keys.
 *
 * @example
 * ```ts
 * insertionComparisons([0, 0, 0, 0]); // 6: every key shares the first bucket
 * ```
 */
export function insertionComparisons(hashes: readonly number[]): number {
  let comparisons = 0;
  let inserted = 0;
  let capacity = 4;
  const perBucket = new Uint32Array(Math.max(2, nextPowerOfTwo(hashes.length) / 2));
  while (inserted < hashes.length) {
    const mask = capacity / 2 - 1;
    perBucket.fill(0, 0, mask + 1);
    for (let i = 0; i < inserted; i++) perBucket[hashes[i]! & mask]!++;
    for (const end = Math.min(hashes.length, capacity); inserted < end; inserted++) {
      const bucket = hashes[inserted]! & mask;
      comparisons += perBucket[bucket]!;
      perBucket[bucket]!++;
    }
    capacity *= 2;
  }
  return comparisons;
}

function nextPowerOfTwo(n: number): number {
  let power = 4;
  while (power < n) power *= 2;
  return power;
}

/** V8's `ComputeUnseededHash` (Thomas Wang's 32-bit integer hash). */
function unseededHash(key: number): number {
  let hash = (~key + (key << 15)) >>> 0;
  hash = (hash ^ (hash >>> 12)) >>> 0;
  hash = (hash + (hash << 2)) >>> 0;
  hash = (hash ^ (hash >>> 4)) >>> 0;
  hash = Math.imul(hash, 2057) >>> 0;
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return hash & 0x3fff_ffff;
}

/** V8's `ComputeLongHash` of the 64-bit value `high:low`, in 32-bit halves. */
function longHash(high: number, low: number): number {
  let hi = high >>> 0;
  let lo = low >>> 0;
  // hash = ~hash + (hash << 18)
  [hi, lo] = add(~hi >>> 0, ~lo >>> 0, ((hi << 18) | (lo >>> 14)) >>> 0, (lo << 18) >>> 0);
  // hash ^= hash >> 31
  lo = (lo ^ ((lo >>> 31) | (hi << 1))) >>> 0;
  hi = (hi ^ (hi >>> 31)) >>> 0;
  // hash *= 21, as hash + (hash << 2) + (hash << 4)
  const [hi4, lo4] = add(((hi << 2) | (lo >>> 30)) >>> 0, (lo << 2) >>> 0, ((hi << 4) | (lo >>> 28)) >>> 0, (lo << 4) >>> 0);
  [hi, lo] = add(hi, lo, hi4, lo4);
  // hash ^= hash >> 11
  lo = (lo ^ ((lo >>> 11) | (hi << 21))) >>> 0;
  hi = (hi ^ (hi >>> 11)) >>> 0;
  // hash += hash << 6
  [hi, lo] = add(hi, lo, ((hi << 6) | (lo >>> 26)) >>> 0, (lo << 6) >>> 0);
  // hash ^= hash >> 22, keeping the low 30 bits
  lo = (lo ^ ((lo >>> 22) | (hi << 10))) >>> 0;
  return lo & 0x3fff_ffff;
}

/** 64-bit addition of `ahi:alo + bhi:blo`, wrapping. */
function add(ahi: number, alo: number, bhi: number, blo: number): [number, number] {
  const low = alo + blo;
  return [(ahi + bhi + (low > 0xffff_ffff ? 1 : 0)) >>> 0, low >>> 0];
}
