import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { parse, stringify } from 'devalue';
import fc from 'fast-check';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, d1SessionStore } from 'litflare/worker';
import { describe, expect, it, vi } from 'vitest';
import { hostileCalls, toRequest, type FuzzTargets, type HostileCall } from '../support/hostile-rpc.js';
import * as fuzz from './fixtures/fuzz.server.js';
import { testShell } from './fixtures/shell.js';

/** How many generated calls `npm test` sends; `npm run test:stress` sends many more over HTTP. */
const RUNS = Number(process.env.LITFLARE_FUZZ_RUNS ?? 10_000);
/**
 * The most server time any one call may take: every call's work is bounded by
 * its size (64 KiB here), so none comes near it, while the payloads it guards
 * against held the isolate for seconds. A call over it is timed twice more and
 * counts its fastest run: a pause of the machine (other processes, a garbage
 * collection) is not the call's work, and real work is slow every time.
 */
const MAX_CALL_MS = 250;
const ORIGIN = 'https://app.test';

const app = createApp({ shell: testShell, dev: false, rpc: { maxBodySize: 65_536 }, session: { store: d1SessionStore('DB') } });
app.page('/', () => html`<p>still here</p>`);
const id = (fn: unknown) => serverFnMeta(fn)!.id;
const targets: FuzzTargets = { echo: id(fuzz.fuzzEcho), lookup: id(fuzz.fuzzLookup), save: id(fuzz.fuzzSave), stream: id(fuzz.fuzzStream), store: id(fuzz.fuzzStore) };

/**
 * Sends a request as the runtime would, and reads (at most 64 KiB of) the
 * answer, as a client would. The Worker runs in this isolate, so the time it
 * takes is the call's server time.
 */
async function answer(request: Request): Promise<{ status: number; type: string | null }> {
  const ctx = createExecutionContext();
  const response = await app.fetch(request, env, ctx);
  const reader = response.body?.getReader();
  let read = 0;
  while (reader !== undefined && read < 65_536) {
    const step = await reader.read();
    if (step.done) break;
    read += step.value.byteLength;
  }
  await reader?.cancel();
  await waitOnExecutionContext(ctx);
  return { status: response.status, type: response.headers.get('content-type') };
}

/** A failing call, short enough to read (bodies can be megabytes). */
function describeCall(call: HostileCall | undefined): string {
  if (call === undefined) return 'no call';
  const body = typeof call.body === 'string' ? call.body : call.body === undefined ? '' : `<${call.body.byteLength} bytes>`;
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);
  return `${call.kind}: ${call.method} ${cut(call.path)} ${JSON.stringify(call.headers)} ${cut(body)}`;
}

/** Own property names of the prototypes a pollution attack aims at. */
const prototypeShapes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype, Set.prototype].map((proto) =>
    Reflect.ownKeys(proto).map(String).sort().join(','),
  );

describe(`fuzzed RPC: ${RUNS.toLocaleString('en')} generated hostile calls`, () => {
  it(`never answer 5xx nor crash nor take more than ${MAX_CALL_MS} ms; the Worker then serves normal traffic, and no prototype was touched`, { timeout: 600_000 }, async () => {
    const shapes = prototypeShapes();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const kinds = new Map<string, number>();
    const statuses = new Map<number, number>();
    let failedWith = '';
    let slowest = { ms: 0, call: '' };
    let timedAgain = 0;
    const outcome = await fc.check(
      fc.asyncProperty(hostileCalls(targets, ORIGIN), async (call) => {
        kinds.set(call.kind, (kinds.get(call.kind) ?? 0) + 1);
        const request = toRequest(call, ORIGIN);
        if (request === undefined) return true;
        let started = performance.now();
        const { status, type } = await answer(request);
        let ms = performance.now() - started;
        for (let again = 0; again < 2 && ms > MAX_CALL_MS; again++) {
          timedAgain++;
          const repeat = toRequest(call, ORIGIN)!;
          started = performance.now();
          await answer(repeat);
          ms = Math.min(ms, performance.now() - started);
        }
        if (ms > slowest.ms) slowest = { ms, call: `${status} ${describeCall(call).slice(0, 200)}` };
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // A server error, an answer the client runtime could not read, or work out of proportion to the call.
        const ok = status < 500 && type !== null && ms <= MAX_CALL_MS;
        if (!ok) failedWith = ms > MAX_CALL_MS ? `${status} after ${ms.toFixed(0)} ms` : `${status} ${type ?? 'without a content type'}`;
        return ok;
      }),
      { numRuns: RUNS },
    );
    if (outcome.failed) throw new Error(`answered ${failedWith}: ${describeCall(outcome.counterexample?.[0])} (seed ${outcome.seed})`);
    console.log('fuzz kinds', Object.fromEntries(kinds), 'statuses', Object.fromEntries(statuses));
    console.log(
      `fuzz: the slowest call took ${slowest.ms.toFixed(1)} ms of server time (bound ${MAX_CALL_MS} ms; ${timedAgain} runs timed again): ${slowest.call}`,
    );
    // Every kind of hostility was tried, and most calls were refused (4xx) rather than served.
    expect([...kinds.keys()].sort()).toEqual(
      expect.arrayContaining(['amplification', 'deep-nesting', 'huge-numbers', 'oversize', 'prototype-pollution', 'truncated-or-mutated', 'wrong-types', 'junk']),
    );
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // Nothing reached the app's error log (it logs every 5xx and every unexpected exception).
    expect(logged).not.toHaveBeenCalled();

    expect(prototypeShapes()).toEqual(shapes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    // Normal traffic afterwards: a page, and calls of each kind.
    expect(await (await app.fetch(new Request(`${ORIGIN}/`), env, createExecutionContext())).text()).toContain('still here');
    const post = (fnId: string, args: unknown[]) =>
      app.fetch(
        new Request(`${ORIGIN}/_lf/rpc/${fnId}`, { method: 'POST', headers: { 'content-type': 'application/x-litflare+json' }, body: stringify(args) }),
        env,
        createExecutionContext(),
      );
    expect(parse(await (await post(targets.echo, [1, new Date(0), new Map([['a', 1n]])])).text())).toEqual([1, new Date(0), new Map([['a', 1n]])]);
    const saved = parse(await (await post(targets.save, [{ name: 'ok', tags: ['a'], at: new Date(0) }])).text());
    expect(saved).toEqual({ name: 'ok', tags: 1, at: new Date(0) });
    const lookup = await app.fetch(new Request(`${ORIGIN}/_lf/rpc/${targets.lookup}?args=${encodeURIComponent(stringify([{ id: 7 }]))}`), env, createExecutionContext());
    expect(parse(await lookup.text())).toEqual({ id: 7, name: 'item 7' });
    const streamed = await (await post(targets.stream, [{ n: 2 }])).text();
    expect(streamed.trim().split('\n').map((line) => parse(line))).toEqual([[0, { i: 0 }], [0, { i: 1 }], [2]]);
  });
});
