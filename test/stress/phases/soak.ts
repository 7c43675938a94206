import { parse } from 'devalue';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { checkCall, checkPage, checkStream, type Problem, type Visitor } from '../support/checks.js';
import { baseURL, call, percentile, resent, secret, send, serverFnIds, sessionCookie, userName } from '../support/client.js';
import { report } from '../support/results.js';
import { workerdMemory } from '../support/workerd-memory.js';

const SECONDS = Number(process.env.LITFLARE_STRESS_SOAK_SECONDS ?? 60);
const CONCURRENCY = 16;
const SAMPLE_EVERY_MS = 5000;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

describe(`soak: ${SECONDS} s of mixed load`, () => {
  it('no errors, and workerd’s memory stays flat', async () => {
    const ids = await serverFnIds();
    const pid = inject('stressPid');
    const visitors: Visitor[] = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const user = userName();
        return { user, cookie: sessionCookie(await call(ids.login!, [user])) };
      }),
    );
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await (await send(`${baseURL()}/page`)).text())?.[1];
    if (asset === undefined) throw new Error('the page names no client asset');

    const ops: [name: string, weight: number, run: (visitor: Visitor) => Promise<Problem>][] = [
      ['page with slow boundaries', 35, (visitor) => checkPage(visitor, secret())],
      ['server function call', 25, (visitor) => checkCall(ids, visitor, secret())],
      ['streamed result', 15, (visitor) => checkStream(ids, visitor, secret(), 3)],
      // A newcomer (the 50 regular users keep their sessions: rotating one while another client uses it would log that one out).
      ['sign-in (new session)', 5, async () => {
        const user = userName();
        const response = await call(ids.login!, [user]);
        if (parse(await response.text()) !== user) return `sign-in ${response.status}`;
        return checkCall(ids, { user, cookie: sessionCookie(response) }, secret());
      }],
      ['client asset', 10, async () => {
        const response = await send(`${baseURL()}${asset}`);
        await response.arrayBuffer();
        return response.status === 200 ? undefined : `asset ${response.status}`;
      }],
      ['not-found page', 5, async () => {
        const response = await send(`${baseURL()}/nowhere/${secret()}`);
        await response.text();
        return response.status === 404 ? undefined : `not-found ${response.status}`;
      }],
      ['bad call (400)', 5, async (visitor) => {
        const response = await send(`${baseURL()}/_lf/rpc/${ids.fuzzSave}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-litflare+json', cookie: visitor.cookie },
          body: '[{"name":',
        });
        await response.text();
        return response.status === 400 ? undefined : `bad call ${response.status}`;
      }],
    ];
    const totalWeight = ops.reduce((sum, [, weight]) => sum + weight, 0);
    const pick = () => {
      let roll = Math.random() * totalWeight;
      for (const op of ops) if ((roll -= op[1]) < 0) return op;
      return ops[0]!;
    };

    const resentBefore = resent.count;
    const memory = [{ at: 0, ...workerdMemory(pid) }];
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    const sampler = setInterval(() => memory.push({ at: (Date.now() - started) / 1000, ...workerdMemory(pid) }), SAMPLE_EVERY_MS);
    const counts = new Map<string, number>();
    const latencies: number[] = [];
    const problems: string[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        while (Date.now() < deadline) {
          const [name, , run] = pick();
          const visitor = visitors[Math.floor(Math.random() * visitors.length)]!;
          const sent = performance.now();
          let problem: Problem;
          try {
            problem = await run(visitor);
          } catch (error) {
            problem = `failed: ${String(error)} (${String((error as { cause?: unknown }).cause)})`;
          }
          latencies.push(performance.now() - sent);
          counts.set(name, (counts.get(name) ?? 0) + 1);
          if (problem !== undefined) problems.push(`worker ${worker}, ${name}: ${problem}`);
        }
      }),
    );
    clearInterval(sampler);
    memory.push({ at: (Date.now() - started) / 1000, ...workerdMemory(pid) });
    const seconds = (Date.now() - started) / 1000;
    const requests = latencies.length;
    const start = memory[0]!.bytes;
    const end = memory.at(-1)!.bytes;
    // Flat: after the first quarter (warm caches, JIT), the rest of the run grows memory by less than a tenth.
    const settledAt = memory.find((sample) => sample.at >= SECONDS / 4) ?? memory[0]!;
    const growthAfterWarmup = (end - settledAt.bytes) / settledAt.bytes;
    const flat = growthAfterWarmup < 0.1;
    report('3-soak', {
      order: 3,
      title: `3. Soak: ${SECONDS} s of mixed load`,
      passed: problems.length === 0 && flat && start > 0,
      body: [
        `${CONCURRENCY} clients without pause for ${seconds.toFixed(0)} s, 50 signed-in users, each answer checked as in phase 1:`,
        `${[...counts].map(([name, count]) => `${name} ${count.toLocaleString('en')}`).join(', ')}.`,
        `One connection per request; requests sent again because the server closed their connection before any answer: ${resent.count - resentBefore}.`,
        '',
        '| requests | errors or wrong answers | requests/s | latency p50 | p99 | workerd RSS at start | at end | growth after the first quarter |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${requests.toLocaleString('en')} | **${problems.length}** | ${(requests / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} ms | ${percentile(latencies, 99).toFixed(1)} ms | ${mib(start)} | ${mib(end)} | ${(growthAfterWarmup * 100).toFixed(1)} % (${flat ? 'flat' : '**growing**'}) |`,
        '',
        `workerd RSS (the sum over its ${memory[0]!.processes} process(es) under the server), every ${SAMPLE_EVERY_MS / 1000} s: ${memory.map((sample) => `${sample.at.toFixed(0)} s ${mib(sample.bytes)}`).join(' · ')}`,
        ...(problems.length > 0 ? ['', 'First problems:', '', ...problems.slice(0, 10).map((problem) => `- ${problem}`)] : []),
      ].join('\n'),
    });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(start).toBeGreaterThan(0);
    expect(flat, `workerd grew ${(growthAfterWarmup * 100).toFixed(1)} % after the first quarter`).toBe(true);
  });
});
