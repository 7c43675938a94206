// Generated hostile calls to litflare's RPC endpoint, shared by the Worker
// fuzz test (in workerd, in-process) and the stress run (over HTTP against the
// built app). Each is a plain description, turned into a Request by the caller.
import { stringify } from 'devalue';
import fc from 'fast-check';
import {
  asArgs,
  collection,
  collidingBigInts,
  collidingIntegers,
  fanOut,
  sharedString,
  sparseArray,
  tinyContainers,
  type Entries,
} from './amplification.js';

/** One call as the fuzzer made it. */
export interface HostileCall {
  method: string;
  /** Path and query, from `/`. */
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** What kind of hostility, for the report. */
  kind: string;
}

/** The server functions a fuzz run aims at, by id. */
export interface FuzzTargets {
  /** POST, takes anything. */
  echo: string;
  /** GET, validated. */
  lookup: string;
  /** POST, validated (nested types). */
  save: string;
  /** POST, validated, streams. */
  stream: string;
  /** POST, takes anything and stores `JSON.stringify` of it in KV: walks the whole expanded value. */
  store: string;
}

/** Keys that pollute prototypes or shadow what code calls on objects. */
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'toJSON'];

/** Devalue type tags, real and not, with arguments that may not fit them. */
const TYPE_TAGS = ['Date', 'RegExp', 'Map', 'Set', 'BigInt', 'URL', 'URLSearchParams', 'Object', 'null', 'Uint8Array', 'Float64Array', 'ArrayBuffer', 'Error', 'Symbol', 'Function', ...DANGEROUS_KEYS];

const junkString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '%', '%ZZ', '\u0000', '\uD800', '\u2028', '</script>', '${x}', '"', '\\', '[', ']', '{', '}', ','),
);

/** Values devalue can encode: the wrong types for validated inputs, when they are sent as arguments. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...DANGEROUS_KEYS)),
});

/** encodeURIComponent, with lone surrogates (which it refuses) replaced. */
const uriEncode = (text: string): string => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

const encoded = (value: unknown): string => {
  try {
    return stringify(value);
  } catch {
    return '[]';
  }
};

/** Arguments that decode fine but are wrong for the function (types, counts, shapes). */
const wrongArguments = fc.oneof(
  fc.array(anyValue, { maxLength: 4 }).map(encoded),
  anyValue.map(encoded),
  fc.record({ id: anyValue, name: anyValue, tags: anyValue, at: anyValue, n: anyValue, size: anyValue }, { requiredKeys: [] }).map((input) => encoded([input])),
);

/** A valid encoding, then broken: cut short, a character changed, or junk spliced in. */
const brokenEncoding = fc
  .tuple(wrongArguments, fc.nat(), junkString, fc.constantFrom('cut', 'replace', 'insert'))
  .map(([text, at, junk, how]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'cut') return text.slice(0, i);
    if (how === 'replace') return text.slice(0, i) + junk + text.slice(i + 1);
    return text.slice(0, i) + junk + text.slice(i);
  });

/** Nesting far deeper than any real argument: plain arrays, and devalue references that chain. */
const deepNesting = fc.tuple(
  // Just past a sane limit, and deep enough to exhaust a stack (which the decoder itself may refuse first).
  fc.oneof(fc.integer({ min: 60, max: 300 }), fc.integer({ min: 1000, max: 8000 })),
  fc.constantFrom('arrays', 'objects', 'references', 'shared references'),
).map(([depth, shape]) => {
  if (shape === 'arrays') return `[${'['.repeat(depth)}${']'.repeat(depth)}]`;
  if (shape === 'objects') return `[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`;
  // [[C1, …, Cn]] with each Ci = [Ci+1]: every link is first seen 2 levels deep, the chain is n deep.
  if (shape === 'shared references') {
    const links = Array.from({ length: depth }, (_, i) => i + 2).join(',');
    return `[[1],[${links}],${Array.from({ length: depth }, (_, i) => `[${i + 3}]`).join(',')},1]`;
  }
  // Each slot points at the next: the decoder follows the chain as deep as it goes.
  return `[${Array.from({ length: depth }, (_, i) => `[${i + 1}]`).join(',')},1]`;
});

/** Numbers at and past the edges. */
const hugeNumbers = fc
  .oneof(
    fc.constantFrom('1e999', '-1e999', '1e-999', '-0', '9007199254740993', '0x10', 'NaN', 'Infinity', '1_000', '01'),
    fc.integer({ min: 1, max: 200_000 }).map((digits) => `["BigInt","${'9'.repeat(digits)}"]`),
    fc.integer({ min: -10, max: 10 }).map((special) => `${special}`),
    fc.double().map(String),
  )
  .map((number) => (number.startsWith('[') ? `[[1],${number}]` : `[${number}]`));

/** Keys and type tags that attack prototypes, in devalue's own shapes. */
const pollution = fc
  .tuple(fc.constantFrom(...DANGEROUS_KEYS), fc.constantFrom(...TYPE_TAGS), junkString, fc.nat(8))
  .chain(([key, tag, junk, index]) =>
    fc.constantFrom(
      `[[1],{${JSON.stringify(key)}:2},{"polluted":3},true]`,
      `[{${JSON.stringify(key)}:1},{"polluted":2},true]`,
      `[[1],[${JSON.stringify(tag)},2],${JSON.stringify(junk)}]`,
      `[[1],[${JSON.stringify(tag)},${index},${index}],${JSON.stringify(junk)}]`,
      `[[1],["Map",2],[3,4],${JSON.stringify(key)},{"polluted":5},true]`,
      `[[1],{"a":2},{${JSON.stringify(key)}:3},{"polluted":4},true]`,
      `[[${index}]]`,
      `[[-${index}]]`,
      `[[1],[${index}, ${index}]]`,
    ),
  );

/** Integers that share a bucket in V8's Map and Set hash tables, found once (a few ms). */
let colliding: number[] | undefined;

/**
 * Bodies of a few bytes to 64 KiB that decode to far more than their size:
 * sparse arrays declaring up to 2³²−1 slots, shared-reference fan-out (a tree
 * of width^levels values), one long string or binary buffer referred to many
 * times, long runs of tiny containers, Map and Set keys chosen to collide in
 * V8's hash tables, BigInts past the digit limit.
 */
const amplification: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(fc.oneof(fc.integer({ min: 1000, max: 2 ** 32 - 1 }), fc.constantFrom(2 ** 32 - 1, 100_000_000, 10_000_000)), fc.nat(50)).map(
      ([length, present]) => sparseArray(length, Math.min(present, length)),
    ),
    fc
      .tuple(fc.integer({ min: 8, max: 60 }), fc.integer({ min: 2, max: 4 }), fc.constantFrom('array', 'object', 'set', 'map') as fc.Arbitrary<'array' | 'object' | 'set' | 'map'>)
      .map(([levels, width, shape]) => fanOut(levels, width, shape)),
    fc.tuple(fc.integer({ min: 2, max: 20_000 }), fc.integer({ min: 1, max: 30_000 })).map(([times, length]) => sharedString(times, length)),
    fc.integer({ min: 1, max: 6500 }).map((count) => tinyContainers(count)),
    fc.tuple(fc.integer({ min: 100, max: 1500 }), fc.constantFrom('Set', 'Map') as fc.Arbitrary<'Set' | 'Map'>).map(([count, kind]) => collection(collidingBigInts(count), kind)),
    fc.tuple(fc.integer({ min: 100, max: 3000 }), fc.constantFrom('Set', 'Map') as fc.Arbitrary<'Set' | 'Map'>).map(([count, kind]) => {
      colliding ??= collidingIntegers(3000);
      return collection(colliding.slice(0, count), kind);
    }),
    fc.tuple(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 2, max: 2000 })).map(([bytes, views]): Entries => (base) => [
      `[${Array.from({ length: views }, () => base + 1).join(',')}]`,
      `["Uint8Array",${base + 2}]`,
      `["ArrayBuffer","${'A'.repeat(Math.ceil(bytes / 3) * 4)}"]`,
    ]),
    fc.integer({ min: 4097, max: 60_000 }).map((digits): Entries => () => [`["BigInt","${'7'.repeat(digits)}"]`]),
  )
  .map(asArgs);

/** Bodies no encoder wrote: random text and bytes. */
const junkBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
  fc.json(),
);

/** Over the body limit (the apps under test set 64 KiB). */
const oversize = fc.integer({ min: 65_537, max: 300_000 }).map((size) => `["${'x'.repeat(size)}"]`);

const bodies: fc.Arbitrary<[string, string | Uint8Array]> = fc.oneof(
  wrongArguments.map((body) => ['wrong-types', body] as [string, string]),
  brokenEncoding.map((body) => ['truncated-or-mutated', body] as [string, string]),
  deepNesting.map((body) => ['deep-nesting', body] as [string, string]),
  hugeNumbers.map((body) => ['huge-numbers', body] as [string, string]),
  pollution.map((body) => ['prototype-pollution', body] as [string, string]),
  { arbitrary: amplification.map((body) => ['amplification', body] as [string, string]), weight: 2 },
  junkBody.map((body) => ['junk', body] as [string, string | Uint8Array]),
  { arbitrary: oversize.map((body) => ['oversize', body] as [string, string]), weight: 1 },
);

const contentTypes = fc.oneof(
  { arbitrary: fc.constant('application/x-litflare+json'), weight: 8 },
  fc.constantFrom(
    'application/x-litflare+json; charset=utf-8',
    'APPLICATION/X-LITFLARE+JSON',
    'application/x-litflare',
    'text/x-litflare-stream',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    ';;;',
  ),
  junkString.map((junk) => junk.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '')),
);

/** Origins from the app's own (`self`) to hostile ones. */
const origins = (self: string) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constant(self), weight: 4 },
    fc.constantFrom('null', 'https://evil.example', `${self}.evil.example`, self.replace('http', 'https'), `${self}:1`, 'file://', ''),
  );

const fetchSites = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'SAME-ORIGIN', 'garbage'),
);

const cookies = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  fc.constantFrom('__Host-lf_session=' + 'A'.repeat(43), '__Host-lf_session=', 'lf_session=%00', '=;=;', '__Host-lf_session=../../etc'),
  fc.string({ maxLength: 60 }).map((text) => `__Host-lf_session=${uriEncode(text)}`),
);

const ids = (targets: FuzzTargets) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(targets.echo, targets.save, targets.stream, targets.lookup, targets.store), weight: 12 },
    fc.constantFrom(...DANGEROUS_KEYS, '', '..', '%2e%2e%2f', '%00', 'x'.repeat(5000)),
    fc.string({ maxLength: 30 }).map(uriEncode),
  );

/**
 * Hostile calls: malformed and hostile bodies (truncated devalue, deep
 * nesting, huge numbers, prototype-pollution keys, wrong types for validated
 * inputs, amplification, oversize, junk), query strings for the GET function, and headers
 * (content types, origins, Sec-Fetch-Site, cookies), with methods and ids
 * that are sometimes wrong. `self` is the app's origin.
 */
export function hostileCalls(targets: FuzzTargets, self: string): fc.Arbitrary<HostileCall> {
  const headers = fc.record({ contentType: contentTypes, origin: origins(self), fetchSite: fetchSites, cookie: cookies }).map((h) => {
    const out: Record<string, string> = {};
    if (h.contentType !== '') out['content-type'] = h.contentType;
    if (h.origin !== undefined) out.origin = h.origin;
    if (h.fetchSite !== undefined) out['sec-fetch-site'] = h.fetchSite;
    if (h.cookie !== undefined) out.cookie = h.cookie;
    return out;
  });
  const post = fc.record({ id: ids(targets), headers, body: bodies, method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 10 }, fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')) });
  const get = fc.record({
    headers,
    body: bodies,
    raw: fc.oneof(junkString, fc.constantFrom('args=%', 'args=%E0%A4%A', 'args=1&args=2', `args=${'9'.repeat(9000)}`, 'x=1', '')),
    how: fc.constantFrom('encoded', 'raw', 'junk'),
  });
  return fc.oneof(
    { weight: 4, arbitrary: post.map(({ id, headers: h, body: [kind, body], method }) => ({
      method,
      path: `/_lf/rpc/${id}`,
      headers: h,
      body: method === 'GET' || method === 'OPTIONS' ? undefined : body,
      kind,
    })) },
    { weight: 1, arbitrary: get.map(({ headers: h, body: [kind, body], raw, how }) => {
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
      const query = how === 'encoded' ? `args=${uriEncode(text)}` : how === 'raw' ? `args=${text.replace(/[#\s]/g, '')}` : raw;
      return { method: 'GET', path: `/_lf/rpc/${targets.lookup}?${query}`, headers: h, body: undefined, kind: `query-${kind}` };
    }) },
  );
}

/**
 * The Request for a hostile call to the app at `origin`; undefined when the
 * platform itself refuses to build it (a header value no HTTP client can
 * send), which counts as a call that never reached the app.
 */
export function toRequest(call: HostileCall, origin: string): Request | undefined {
  try {
    return new Request(origin + call.path, {
      method: call.method,
      headers: call.headers,
      body: call.body as BodyInit | undefined,
    });
  } catch {
    return undefined;
  }
}
