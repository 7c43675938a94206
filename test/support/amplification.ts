// Devalue texts whose decoded value costs far more than their size: for the
// RPC and WebSocket bound tests and the fuzzers. Written by hand in devalue's
// flattened form (an array of entries that refer to each other by index),
// because devalue's own encoder never writes most of them.

/** A value's entries, the first one being the value, numbered from `base`. */
export type Entries = (base: number) => string[];

/** Server function arguments `[value]` as devalue text. */
export function asArgs(value: Entries): string {
  return `[[1],${value(1).join(',')}]`;
}

/** A WebSocket message `{ type, value }` as devalue text. */
export function asMessage(type: string, value: Entries): string {
  return `[{"type":1,"value":2},${JSON.stringify(type)},${value(2).join(',')}]`;
}

/** A sparse array declaring `length` slots, with `present` of them filled (with 0). */
export function sparseArray(length: number, present = 0): Entries {
  return (base) => {
    const pairs = Array.from({ length: present }, (_, i) => `${Math.floor((i * length) / Math.max(present, 1))},${base + 1}`);
    return [`[-7,${[length, ...pairs].join(',')}]`, '0'];
  };
}

/**
 * `levels` levels of shared references, each container holding the next one
 * twice (or `width` times): `a = [b, b]`, `b = [c, c]`, … — width^levels
 * leaves written out, from a body of a few bytes per level. A set holds the
 * next level and an array of it; a map holds it under two keys.
 */
export function fanOut(levels: number, width = 2, shape: 'array' | 'object' | 'map' | 'set' = 'array'): Entries {
  return (base) => {
    const leaf = base + levels;
    const extra = leaf + 1;
    const entries = Array.from({ length: levels }, (_, level) => {
      const next = base + level + 1;
      const refs = Array.from({ length: width }, () => next);
      if (shape === 'object') return `{${refs.map((ref, i) => `"k${i}":${ref}`).join(',')}}`;
      if (shape === 'set') return `["Set",${next},${extra + level}]`;
      if (shape === 'map') return `["Map",${extra},${next},${extra + 1},${next}]`;
      return `[${refs.join(',')}]`;
    });
    entries.push('0');
    if (shape === 'set') entries.push(...Array.from({ length: levels }, (_, level) => `[${base + level + 1}]`));
    if (shape === 'map') entries.push('"a"', '"b"');
    return entries;
  };
}

/** One string of `length` characters, referred to `times` times from one array. */
export function sharedString(times: number, length: number): Entries {
  return (base) => [`[${Array.from({ length: times }, () => base + 1).join(',')}]`, JSON.stringify('x'.repeat(length))];
}

/** An array of `count` distinct empty containers: linear work, but many values per byte. */
export function tinyContainers(count: number): Entries {
  return (base) => [`[${Array.from({ length: count }, (_, i) => base + 1 + i).join(',')}]`, ...Array.from({ length: count }, (_, i) => (i % 2 === 0 ? '[]' : '{}'))];
}

/** A Set (or Map) whose keys are these numbers or BigInts. */
export function collection(keys: readonly (number | bigint)[], kind: 'Set' | 'Map' = 'Set'): Entries {
  return (base) => {
    const refs = keys.map((_, i) => (kind === 'Set' ? `${base + 1 + i}` : `${base + 1 + i},${base + 1 + i}`));
    const values = keys.map((key) => (typeof key === 'bigint' ? `["BigInt","${key}"]` : `${key}`));
    return [`["${kind}",${refs.join(',')}]`, ...values];
  };
}

/**
 * BigInts that V8 hashes alike in a Map or Set: it hashes a BigInt by its
 * lowest 64-bit digit only, so every multiple of 2^64 shares one bucket.
 */
export function collidingBigInts(count: number): bigint[] {
  return Array.from({ length: count }, (_, i) => BigInt(i + 1) << 64n);
}

/**
 * Integers that share one bucket of a V8 Map or Set with room for `count`
 * keys: V8 hashes small integers with Thomas Wang's unseeded 32-bit hash
 * (`ComputeUnseededHash`), so they can be found by trying.
 */
export function collidingIntegers(count: number): number[] {
  let buckets = 2;
  while (buckets * 2 < count) buckets *= 2;
  const found: number[] = [];
  for (let key = 0; found.length < count; key++) if ((wangHash(key) & (buckets - 1)) === 0) found.push(key);
  return found;
}

function wangHash(key: number): number {
  let hash = (~key + (key << 15)) >>> 0;
  hash = (hash ^ (hash >>> 12)) >>> 0;
  hash = (hash + (hash << 2)) >>> 0;
  hash = (hash ^ (hash >>> 4)) >>> 0;
  hash = Math.imul(hash, 2057) >>> 0;
  return (hash ^ (hash >>> 16)) & 0x3fff_ffff;
}
