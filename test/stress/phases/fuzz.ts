import { parse, stringify } from 'devalue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCalls, toRequest, type HostileCall } from '../../support/hostile-rpc.js';
import { inPool } from '../support/pool.js';
import { baseURL, call, frames, resent, send, serverFnIds } from '../support/client.js';
import { report } from '../support/results.js';

/** Generated hostile calls sent over HTTP (npm test sends 10,000 in-process; this is the large run). */
const CALLS = Number(process.env.LITFLARE_STRESS_FUZZ ?? 100_000);
const CONCURRENCY = 32;
const BATCH = 2000;

function describeCall(call: HostileCall): string {
  const body = typeof call.body === 'string' ? call.body : call.body === undefined ? '' : `<${call.body.byteLength} bytes>`;
  const cut = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}… (${text.length})` : text);
  return `${call.kind}: ${call.method} ${cut(call.path)} ${JSON.stringify(call.headers)} ${cut(body)}`;
}

describe(`fuzzed RPC over HTTP: ${CALLS.toLocaleString('en')} hostile calls`, () => {
  it('never a 5xx nor a crash; normal traffic afterwards; prototypes untouched', async () => {
    const ids = await serverFnIds();
    const prototypesBefore = parse(await (await call(ids.prototypes!, [])).text()) as string[];
    const targets = { echo: ids.fuzzEcho!, lookup: ids.fuzzLookup!, save: ids.fuzzSave!, stream: ids.fuzzStream!, store: ids.fuzzStore! };
    const arbitrary = hostileCalls(targets, baseURL());
    const seed = Number(process.env.LITFLARE_STRESS_SEED ?? Date.now() % 2 ** 31);
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    const failures: string[] = [];
    let unsent = 0;
    /** The largest server time (the app's `x-server-time`), and of which call. */
    let slowest = { ms: 0, call: '' };
    const serverTimes: number[] = [];
    let connectionErrors = 0;
    const resentBefore = resent.count;
    const started = Date.now();
    for (let done = 0; done < CALLS; done += BATCH) {
      const calls = fc.sample(arbitrary, { numRuns: Math.min(BATCH, CALLS - done), seed: seed + done });
      await inPool(calls, CONCURRENCY, async (hostile) => {
        kinds.set(hostile.kind, (kinds.get(hostile.kind) ?? 0) + 1);
        // What a platform Request refuses (a header value no HTTP client sends) never reaches the app.
        if (toRequest(hostile, baseURL()) === undefined) {
          unsent++;
          return;
        }
        try {
          const response = await send(baseURL() + hostile.path, {
            method: hostile.method,
            headers: hostile.headers,
            body: hostile.body as BodyInit | undefined,
          });
          await response.arrayBuffer();
          const serverMs = Number(response.headers.get('x-server-time') ?? Number.NaN);
          if (!Number.isNaN(serverMs)) {
            serverTimes.push(serverMs);
            if (serverMs > slowest.ms) slowest = { ms: serverMs, call: `${response.status} ${describeCall(hostile).slice(0, 160)}` };
          }
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500) failures.push(`${response.status}: ${describeCall(hostile)}`);
          // The front server's own answers (a 204 to a preflight, a 431 for an oversize request line) carry no body.
          else if (response.headers.get('content-type') === null && response.status !== 204 && response.status !== 431) {
            failures.push(`${response.status} without a content type: ${describeCall(hostile)}`);
          }
        } catch (error) {
          // The connection closed before any answer, twice.
          connectionErrors++;
          if (connectionErrors <= 3) console.warn('fuzz: connection error', String(error), String((error as { cause?: unknown }).cause), describeCall(hostile).slice(0, 200));
        }
      });
    }
    const seconds = (Date.now() - started) / 1000;

    // Normal traffic afterwards, and the isolate's prototypes as they were.
    const echoed = parse(await (await call(ids.fuzzEcho!, [1, new Date(0), new Map([['a', 1n]])])).text());
    const lookup = parse(await (await send(`${baseURL()}/_lf/rpc/${ids.fuzzLookup}?args=${encodeURIComponent(stringify([{ id: 7 }]))}`)).text());
    const streamed = frames(await (await call(ids.fuzzStream!, [{ n: 2 }])).text());
    const page = await send(`${baseURL()}/page?secret=sec-00000000000000000000000000000000`);
    const healthy =
      JSON.stringify(echoed) === JSON.stringify([1, new Date(0), new Map([['a', 1n]])]) &&
      JSON.stringify(lookup) === JSON.stringify({ id: 7, name: 'item 7' }) &&
      streamed.length === 3 &&
      page.status === 200 &&
      (await page.text()).includes('</html>');
    const prototypesAfter = parse(await (await call(ids.prototypes!, [])).text()) as string[];
    const untouched = JSON.stringify(prototypesAfter) === JSON.stringify(prototypesBefore);
    const table = [...statuses].sort(([a], [b]) => a - b);
    serverTimes.sort((a, b) => a - b);
    const percentile = (p: number) => serverTimes[Math.min(serverTimes.length - 1, Math.floor((p / 100) * serverTimes.length))]?.toFixed(1) ?? '–';
    report('2-fuzz', {
      order: 2,
      title: `2. Fuzzed RPC over HTTP: ${CALLS.toLocaleString('en')} generated hostile calls`,
      passed: failures.length === 0 && healthy && untouched,
      body: [
        `fast-check (seed ${seed}), the generators of test/support/hostile-rpc.ts (the same as the 10,000-call run in \`npm test\`), sent over`,
        `HTTP ${CONCURRENCY} at a time in ${seconds.toFixed(1)} s (${(CALLS / seconds).toFixed(0)} calls/s).`,
        '',
        `- kinds: ${[...kinds].sort().map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
        `- answers by status: ${table.map(([status, count]) => `${status}: ${count}`).join(', ')}`,
        `- server time per call (the Worker's own clock, to the answer's headers, ${CONCURRENCY} calls sharing the isolate): median ${percentile(50)} ms, p99 ${percentile(99)} ms, **largest ${slowest.ms.toFixed(1)} ms** (${slowest.call.replace(/\|/g, '\\|')})`,
        `- **5xx or unreadable answers: ${failures.length}**; calls sent again because the server closed their connection before any answer: ${resent.count - resentBefore}; connections closed before an answer even then: ${connectionErrors}; not sendable by an HTTP client: ${unsent}`,
        `- afterwards: normal calls, a streamed result and a page ${healthy ? 'answered correctly' : '**FAILED**'}; the prototypes of Object, Array, Function, String, Map and Set in the Worker ${untouched ? 'were untouched' : '**CHANGED**'}`,
        ...(failures.length > 0 ? ['', 'First failures:', '', ...failures.slice(0, 10).map((failure) => `- ${failure}`)] : []),
      ].join('\n'),
    });
    expect(failures.slice(0, 10)).toEqual([]);
    expect(healthy).toBe(true);
    expect(untouched).toBe(true);
  });
});
