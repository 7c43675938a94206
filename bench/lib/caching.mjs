// Issue 16, "pay for a page once": the same 100-row page rendered by litflare, served from the
// edge cache (caches.default, with the nonce rewritten per request), and answered with a 304;
// and the demo's prerendered home page, which Cloudflare serves without invoking the Worker.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerdCpuSeconds } from './cpu.mjs';
import { roundRatio, spread } from './stats.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** GETs `url` with `headers` for `seconds` with wrk (-t1 -c8); 200 and 304 are answers, anything else fails. */
function get(url, seconds, headers = {}) {
  const run = spawnSync('wrk', ['-t1', '-c8', `-d${seconds}s`, '--latency', '-s', join(here, '../get.lua'), url], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_HEADERS: Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n') },
  });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const unexpected = Number(/unexpected statuses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(run.stdout)?.[1] ?? 0);
  if (unexpected > 0 || requests === 0) throw new Error(`${url}: errors under load\n${run.stdout}`);
  const p50 = /50%\s+([\d.]+)(us|ms|s)\b/.exec(run.stdout);
  return { requests, p50: p50 ? Number(p50[1]) * { us: 0.001, ms: 1, s: 1000 }[p50[2]] : Number.NaN };
}

/**
 * The benchmark Worker's page rendered (`/page/litflare`), the same page from the edge cache
 * (`/page/litflare-cached`, warmed first), and a 304 for it (its ETag in If-None-Match), in
 * rotated turns; server CPU per request (workerd's user+sys ÷ requests) beside req/s.
 */
export async function cachedPages(url, { seconds, rounds }) {
  await (await fetch(`${url}/page/litflare-cached`)).text();
  const warm = await fetch(`${url}/page/litflare-cached`);
  await warm.text();
  if (warm.headers.get('x-litflare-cache') !== 'HIT') throw new Error(`the cached page was not served from the edge cache: ${warm.headers.get('x-litflare-cache')}`);
  const etag = warm.headers.get('etag');
  const contestants = [
    { key: 'rendered', name: 'litflare page, rendered', url: `${url}/page/litflare` },
    { key: 'cached', name: 'litflare page, from the edge cache (nonce rewritten)', url: `${url}/page/litflare-cached` },
    { key: 'notModified', name: 'litflare page, 304 (If-None-Match)', url: `${url}/page/litflare-cached`, headers: { 'if-none-match': etag } },
    // What Miniflare's Cache API costs by itself (a JS service in workerd, which the Workers
    // runtime does natively), and the same bytes from memory: the difference is emulation.
    { key: 'match', name: 'Cache API read alone, outside litflare (Miniflare)', url: `${url}/cache/match` },
    { key: 'string', name: 'the same page as a plain string, outside litflare', url: `${url}/page/string` },
  ];
  const turns = Object.fromEntries(contestants.map((c) => [c.key, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const c = contestants[(i + round) % contestants.length];
      const before = workerdCpuSeconds();
      const result = get(c.url, seconds, c.headers);
      const cpu = workerdCpuSeconds() - before;
      turns[c.key].push({ rps: result.requests / seconds, cpuUs: (cpu / result.requests) * 1e6, p50: result.p50 });
    }
  }
  const rows = Object.fromEntries(
    contestants.map((c) => [
      c.key,
      { name: c.name, cpuUs: spread(turns[c.key].map((t) => t.cpuUs)), rps: spread(turns[c.key].map((t) => t.rps)), rounds: turns[c.key] },
    ]),
  );
  return {
    ...rows,
    // How many times cheaper than rendering, round by round.
    cachedCheaper: roundRatio(rows.rendered, rows.cached, 'cpuUs'),
    notModifiedCheaper: roundRatio(rows.rendered, rows.notModified, 'cpuUs'),
    // Round by round: the cached serve without what Miniflare's Cache API read costs over sending the bytes.
    cachedCheaperWithoutEmulation: spread(
      rows.rendered.rounds.map((turn, i) => turn.cpuUs / (rows.cached.rounds[i].cpuUs - (rows.match.rounds[i].cpuUs - rows.string.rounds[i].cpuUs))),
    ),
  };
}

/**
 * The demo's prerendered home page through its assets: how many times the Worker ran for
 * `count` requests of `/` (the demo counts its requests at /demo/invocations, which is one).
 */
export async function prerenderedPage(demoUrl, count = 200) {
  const invocations = async () => (await (await fetch(`${demoUrl}/demo/invocations`)).json());
  const before = await invocations();
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${demoUrl}/`);
    if (response.status !== 200) throw new Error(`the prerendered page answered ${response.status}`);
    await response.arrayBuffer();
  }
  return { requests: count, workerInvocations: (await invocations()) - before - 1 };
}

/** The section's lines for bench/RESULTS.md. */
export function cachingMarkdown(caching) {
  if (caching?.rendered === undefined) return '';
  const us = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)}) µs`;
  const times = (s) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})×`;
  const lines = [
    '',
    '## Paying for a page once (issue 16)',
    '',
    '| measure | server CPU per request | req/s | cheaper than rendering |',
    '| --- | ---: | ---: | ---: |',
    `| ${caching.rendered.name} | ${us(caching.rendered.cpuUs)} | ${caching.rendered.rps.median.toFixed(0)} | 1 |`,
    `| ${caching.cached.name} | ${us(caching.cached.cpuUs)} | ${caching.cached.rps.median.toFixed(0)} | ${times(caching.cachedCheaper)} |`,
    `| ${caching.notModified.name} | ${us(caching.notModified.cpuUs)} | ${caching.notModified.rps.median.toFixed(0)} | ${times(caching.notModifiedCheaper)} |`,
    `| ${caching.match.name} | ${us(caching.match.cpuUs)} | ${caching.match.rps.median.toFixed(0)} | |`,
    `| ${caching.string.name} | ${us(caching.string.cpuUs)} | ${caching.string.rps.median.toFixed(0)} | |`,
    `| from the edge cache, less Miniflare's Cache API emulation (its read − the plain string) | | | ${times(caching.cachedCheaperWithoutEmulation)} |`,
  ];
  if (caching.prerendered !== undefined) {
    lines.push(`| demo home page, prerendered (${caching.prerendered.requests} requests) | Worker invocations: ${caching.prerendered.workerInvocations} | | |`);
  }
  return `${lines.join('\n')}\n`;
}
