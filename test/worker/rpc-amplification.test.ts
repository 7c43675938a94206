// Work per call is bounded by what the client sent: a few bytes of devalue can
// describe a sparse array of 2³²−1 slots or, through shared references, a tree
// of 2⁴⁰ leaves. Each is refused (400) before it is revived, in well under
// 50 ms of server time; a page requested at the same moment is not held up.
// In vitest-pool-workers the test and the Worker share one isolate, so the
// wall time of a call is its server time.
import { parse, stringify } from 'devalue';
import { serverFnMeta } from 'litflare';
import { RPC_CONTENT_TYPE } from '../../src/shared/rpc/protocol.js';
import { createApp } from 'litflare/worker';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asArgs,
  collection,
  collidingBigInts,
  collidingIntegers,
  fanOut,
  sharedString,
  sparseArray,
  tinyContainers,
} from '../support/amplification.js';
import * as fns from './fixtures/rpc.server.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

/** Default limits: a 1 MB body, arguments up to 1,048,576 written out in full. */
const app = createApp({ shell: testShell, dev: false });
app.page('/', () => html`<p>still here</p>`);
const path = (fn: (...args: never[]) => unknown) => `/_lf/rpc/${serverFnMeta(fn)!.id}`;
const post = (target: string, body: string, on = app) =>
  send(on, target, { method: 'POST', headers: { 'content-type': RPC_CONTENT_TYPE }, body });

/** The call's status, message (for an error) and server time; and how long a page requested with it took. */
async function timed(target: string, body: string): Promise<{ status: number; message: string | undefined; ms: number; pageMs: number }> {
  const started = performance.now();
  const [call, pageMs] = await Promise.all([
    post(target, body).then(async (response) => {
      const text = await response.text();
      return { status: response.status, text, ms: performance.now() - started };
    }),
    send(app, '/').then(async (response) => {
      expect(await response.text()).toContain('still here');
      return performance.now() - started;
    }),
  ]);
  const message = call.status === 200 ? undefined : (parse(call.text) as { message: string }).message;
  return { status: call.status, message, ms: call.ms, pageMs };
}

/** `levels` of a = [b, b] as a real value: written out, 2^levels leaves. */
const fanOutValue = (levels: number): unknown => (levels === 0 ? 0 : ((inner) => [inner, inner])(fanOutValue(levels - 1)));

/** The refusal of a call; by default the limit is the one for this body: 16 × its length + 65,536, at most 1 MB. */
const tooLarge = (name: string, limitOrBody: number | string) => {
  const limit = typeof limitOrBody === 'number' ? limitOrBody : Math.min(16 * limitOrBody.length + 65_536, 1_048_576);
  return tooLargeFor(name, limit);
};
const tooLargeFor = (name: string, limit: number) =>
  `The arguments of ${name} are larger than ${limit} written out in full, counting every shared reference, array slot (holes too) and character (the limit is rpc: { maxArgSize }).`;

beforeAll(async () => {
  // Load the server module and compile the paths once, as a warm isolate would have.
  expect((await post(path(fns.storeJson), stringify([{ warm: true }]))).status).toBe(200);
  expect((await post(path(fns.echo), stringify([new Set([1, 0.5, 1n]), new Map([[2n, [1]]])]))).status).toBe(200);
  expect((await send(app, '/')).status).toBe(200);
});

describe('work per call is bounded by what the client sent', () => {
  it('a sparse array declaring up to 2³²−1 slots → 400 in well under 50 ms; a page sent with it is not held up', async () => {
    // 10^7 slots held the isolate for 0.4 s (the depth check walked every hole), 10^8 for 4 s, 2^32−1 for minutes.
    for (const length of [10_000_000, 100_000_000, 2 ** 32 - 1]) {
      const body = asArgs(sparseArray(length));
      expect(body.length).toBeLessThan(40);
      const answer = await timed(path(fns.storeJson), body);
      expect(answer).toMatchObject({ status: 400, message: tooLarge('storeJson', body) });
      expect(answer.ms).toBeLessThan(50);
      expect(answer.pageMs).toBeLessThan(50);
    }
  });

  it('shared-reference fan-out (a = [b, b], b = [c, c], …) to a function that stores JSON.stringify(input) → 400 in well under 50 ms', async () => {
    // 22 levels: a 200-byte body that JSON.stringify writes out as 25 MB; 40 levels never finish.
    for (const [levels, shape] of [[22, 'array'], [40, 'array'], [40, 'object'], [40, 'set'], [40, 'map']] as const) {
      const body = asArgs(fanOut(levels, 2, shape));
      expect(body.length).toBeLessThan(1000);
      const answer = await timed(path(fns.storeJson), body);
      expect(answer, `${levels} levels of ${shape}s`).toMatchObject({ status: 400, message: tooLarge('storeJson', body) });
      expect(answer.ms).toBeLessThan(50);
      expect(answer.pageMs).toBeLessThan(50);
    }
  });

  it('one long string referred to many times, and binary data viewed many times, count each time', async () => {
    const stringsBody = asArgs(sharedString(20_000, 50_000));
    const strings = await timed(path(fns.storeJson), stringsBody);
    expect(strings).toMatchObject({ status: 400, message: tooLarge('storeJson', stringsBody) });
    expect(strings.ms).toBeLessThan(50);
    const view = new Uint8Array(200_000);
    const viewsBody = stringify([Array.from({ length: 10 }, () => view)]);
    const views = await timed(path(fns.storeJson), viewsBody);
    expect(views).toMatchObject({ status: 400, message: tooLarge('storeJson', viewsBody) });
  });

  it('Map and Set keys chosen to collide in V8’s hash tables → 400 before they are decoded', async () => {
    // V8 hashes number and BigInt keys without a seed: inserting these 16,384 integers (240 KB of devalue)
    // takes a third of a second, these 16,384 BigInts (700 KB) nearly a second. Refusing them costs
    // what reading and parsing such a body does.
    for (const keys of [collidingIntegers(16_384), collidingBigInts(16_384)]) {
      for (const kind of ['Set', 'Map'] as const) {
        const answer = await timed(path(fns.echo), asArgs(collection(keys, kind)));
        expect(answer, `${kind} of ${typeof keys[0]}s`).toMatchObject({
          status: 400,
          message: 'The arguments of echo hold Map or Set keys chosen to collide in the engine\'s hash tables.',
        });
        expect(answer.ms).toBeLessThan(250);
        expect(answer.pageMs).toBeLessThan(250);
      }
    }
    // Ordinary keys, as many: sequential ids, timestamps, prices, BigInt ids.
    const ordinary = [
      new Set(Array.from({ length: 30_000 }, (_, i) => i)),
      new Map(Array.from({ length: 10_000 }, (_, i) => [1_767_225_600_000 + i * 60_000, i])),
      new Set(Array.from({ length: 10_000 }, (_, i) => i / 100)),
      new Set(Array.from({ length: 10_000 }, (_, i) => BigInt(i) * 1_000_003n)),
    ];
    const echoed = await post(path(fns.echo), stringify(ordinary));
    expect(echoed.status).toBe(200);
    expect(parse(await echoed.text())).toEqual(ordinary);
  });

  it('a BigInt of more than 4096 digits → 400 (parsing one costs more than linear in its length)', async () => {
    const digits = (n: number) => `[[1],["BigInt","${'9'.repeat(n)}"]]`;
    expect(parse(await (await post(path(fns.echo), digits(4096))).text())).toEqual([10n ** 4096n - 1n]);
    const answer = await timed(path(fns.echo), digits(1_000_000));
    expect(answer).toMatchObject({ status: 400, message: 'The arguments of echo hold a BigInt of more than 4096 digits.' });
    // Reading the 1 MB body is most of it.
    expect(answer.ms).toBeLessThan(250);
  });

  it('rich arguments still work: Map, Set, Date, cycles, typed arrays, a shared object used twice', async () => {
    const shared = { id: 1, name: 'shared' };
    const cyclic: { name: string; self?: unknown; friends: unknown[] } = { name: 'loop', friends: [] };
    cyclic.self = cyclic;
    cyclic.friends.push(cyclic, shared);
    const args = [
      new Map<unknown, unknown>([['a', 1n], [shared, new Set([1, 2, shared])]]),
      new Date(Date.UTC(2026, 0, 2)),
      cyclic,
      [new Uint8Array([1, 2, 3]), new Float64Array([0.5, -0]), new DataView(new ArrayBuffer(8), 2, 4)],
      { first: shared, second: shared, sparse: Object.assign([], { 1000: 'far' }) },
      [/x+/giu, new URL('https://a.example/?q=1'), undefined, NaN, -0, Infinity],
    ];
    const [map, date, loop, binary, twice, misc] = parse(await (await post(path(fns.echo), stringify(args))).text()) as typeof args;
    expect([map, date, binary, misc]).toEqual([args[0], args[1], args[3], args[5]]);
    expect((loop as typeof cyclic).self).toBe(loop);
    expect((loop as typeof cyclic).friends[0]).toBe(loop);
    const { first, second, sparse } = twice as { first: unknown; second: unknown; sparse: string[] };
    expect(first).toBe(second);
    expect([sparse.length, sparse[1000]]).toEqual([1001, 'far']);
    // The shared object, written out twice, is stored as JSON.
    const stored = await post(path(fns.storeJson), stringify([{ first: shared, second: shared, list: Array.from({ length: 1000 }, () => shared) }]));
    expect(stored.status).toBe(200);
    expect(parse(await stored.text())).toBe(JSON.stringify({ first: shared, second: shared, list: Array.from({ length: 1000 }, () => shared) }).length);
  });

  it('a 1 MB body of plain data passes with the defaults: 4,700 objects of 10 fields, or 90,000 tiny containers', async () => {
    // Written out in full these rows count 612,303: 59 % of the body, 58 % of the default limit.
    const roles = ['admin', 'editor', 'viewer'];
    const rows = Array.from({ length: 4700 }, (_, i) => ({
      id: 100_000 + i,
      name: `Customer ${i}`,
      email: `c${i}@example.com`,
      role: roles[i % 3],
      active: i % 2 === 0,
      score: ((i * 7919) % 1000) / 10,
      createdAt: new Date(1_767_225_600_000 + i * 60_000),
      tags: [`group-${i % 40}`],
      city: ['Lisbon', 'Berlin', 'Oslo'][i % 3],
      zip: 10_000 + (i % 90_000),
    }));
    const body = stringify([rows]);
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body.length).toBeLessThan(1_048_576);
    const stored = await post(path(fns.storeJson), body);
    expect(stored.status).toBe(200);
    expect(parse(await stored.text())).toBe(JSON.stringify(rows).length);
    const tiny = asArgs(tinyContainers(90_000));
    expect(tiny.length).toBeLessThan(1_048_576);
    expect((await post(path(fns.storeJson), tiny)).status).toBe(200);
  });

  it('by default the limit grows with the body: a few hundred bytes cannot describe a million values', async () => {
    // 19 levels of a = [b, b]: about 200 bytes that write out as 2^20 values. Under the 1 MB
    // body limit alone it would pass, and JSON.stringify plus the KV put would cost ~50 ms.
    const shared = asArgs(fanOut(19, 2, 'array'));
    expect(shared.length).toBeLessThan(300);
    const answer = await timed(path(fns.storeJson), shared);
    expect(answer).toMatchObject({ status: 400, message: tooLarge('storeJson', shared) });
    // The same shape, one level less wide at each step, sent written out (no shared references)
    // is plain data: it passes, and so does a moderate amount of sharing in a small body.
    const written = stringify([JSON.parse(JSON.stringify(fanOutValue(12)))]);
    expect((await post(path(fns.storeJson), written)).status).toBe(200);
    expect((await post(path(fns.storeJson), asArgs(fanOut(12, 2, 'array')))).status).toBe(200);
  });

  it('rpc: { maxArgSize } sets the limit: 1 per value and 1 per character, exactly', async () => {
    const small = createApp({ shell: testShell, dev: false, rpc: { maxArgSize: 1000 } });
    // [string]: the array 1, the string 1 + its length.
    expect((await post(path(fns.echo), stringify(['x'.repeat(998)]), small)).status).toBe(200);
    const over = await post(path(fns.echo), stringify(['x'.repeat(999)]), small);
    expect(over.status).toBe(400);
    expect((parse(await over.text()) as { message: string }).message).toBe(tooLarge('echo', 1000));
    // A GET's query is measured the same way.
    const query = await send(small, `${path(fns.getItem)}?args=${encodeURIComponent(asArgs(sparseArray(2 ** 32 - 1)))}`);
    expect(query.status).toBe(400);
  });
});
