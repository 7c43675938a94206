// npm run bench: every figure of the benchmark issues, side by side in one run.
// Builds the benchmark Worker (bench/app) and the demo, serves the builds with
// Miniflare directly, drives contestants in alternation, and writes
// bench/results.json and bench/RESULTS.md. Knobs: BENCH_SECONDS (per turn), BENCH_ROUNDS,
// BENCH_STARTS (fresh starts per Worker for the cold start).
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDist, benchEnv, build, demoDist, root } from './lib/build.mjs';
import { coldStarts } from './lib/cold-start.mjs';
import { contest } from './lib/contest.mjs';
import { echoId, pageContestants, rpcContestants } from './lib/contestants.mjs';
import { firstBytes, loadGenerator } from './lib/load.mjs';
import { measurePage } from './lib/browser.mjs';
import { othersLoad } from './lib/machine.mjs';
import { report } from './lib/report.mjs';
import { cachedPages, cachingMarkdown, prerenderedPage } from './lib/caching.mjs';
import { serveBuild } from './lib/serve.mjs';
import { clientParts, htmlBytes, jsBytes } from './lib/sizes.mjs';

const here = join(root, 'bench');
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const starts = Number(process.env.BENCH_STARTS ?? 9);
// Miniflare runs in this process: no cf.json download, no telemetry.
for (const name of ['CLOUDFLARE_CF_FETCH_ENABLED', 'WRANGLER_SEND_METRICS', 'WRANGLER_SEND_ERROR_REPORTS']) process.env[name] = benchEnv[name];
const started = Date.now();
// BENCH_ONLY=pages,rpc,streaming,demo,cold runs some sections (while working on one); RESULTS.md is then not written.
const only = process.env.BENCH_ONLY?.split(',');
const runs = (section) => only === undefined || only.includes(section);
// Other work on the machine, section by section: the 1-minute load average (which counts this
// benchmark's own processes too) and the cores other processes used meanwhile.
const load = [];
let others = othersLoad();
const noteLoad = (section) => {
  load.push({ section, loadAverage: loadavg()[0], otherCores: others.read() });
  others = othersLoad();
};

const log = (text) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()[0].toFixed(2)}] ${text}`);

log('building the benchmark Worker and the demo');
build('bench/app/vite.config.ts');
build();
noteLoad('builds');

const results = { machine: {}, pages: {}, firstByte: {}, html: {}, rpc: {}, streaming: {}, demo: {}, coldStart: {} };
const bench = await serveBuild(benchDist);
try {
  const url = bench.url;
  const pages = pageContestants(url);
  if (runs('pages')) {
    log(`pages: ${pages.length} contestants × ${rounds} rounds × ${seconds} s (${loadGenerator})`);
    for (const row of await contest(pages, { seconds, rounds })) results.pages[row.name] = row;
    noteLoad('pages');
    const times = await firstBytes(pages.map((page) => page.url));
    for (const [i, page] of pages.entries()) {
      results.firstByte[page.name] = times[i];
      results.html[page.name] = await htmlBytes(page.url);
    }
  }

  const rpc = rpcContestants(url, await echoId(url));
  if (runs('rpc')) {
    log(`rpc: ${rpc.length} contestants × ${rounds} rounds × ${seconds} s`);
    for (const row of await contest(rpc, { seconds, rounds })) results.rpc[row.name] = row;
    noteLoad('rpc');
  }
  if (runs('caching')) {
    log(`caching: rendered, edge cache, 304 × ${rounds} rounds × ${seconds} s`);
    results.caching = await cachedPages(url, { seconds, rounds });
    noteLoad('caching');
  }
  if (runs('streaming')) {
    log('streaming: first byte with and without a 300 ms boundary');
    [results.streaming.with, results.streaming.without] = await firstBytes([`${url}/stream/with`, `${url}/stream/without`]);
    noteLoad('streaming');
  }
} finally {
  await bench.mf.dispose();
}

const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
const { workerOptions } = unstable_getMiniflareWorkerOptions(join(demoDist, 'wrangler.json'));
delete workerOptions.modulesRules;

if (runs('cold')) {
  log(`cold start: 6 Workers × ${starts} fresh starts`);
  results.coldStart = await coldStarts({ benchDir: here, demoDist, workerOptions, starts });
  noteLoad('cold start');
}

if (runs('demo')) {
  log('demo: Worker size, client JavaScript, islands in Chromium');
  const demo = await serveBuild(demoDist, workerOptions);
  // Islands: the demo's home page as shipped, and with every island loaded up front.
  results.demo.islands = { on: await measurePage(`${demo.url}/`), eager: await measurePage(`${demo.url}/?islands=eager`) };
  if (results.caching?.rendered !== undefined) results.caching.prerendered = await prerenderedPage(demo.url);
  await demo.mf.dispose();
  results.demo.worker = jsBytes(demoDist);
  results.demo.client = await clientParts(root);
  noteLoad('demo');
}

const versions = Object.fromEntries(
  ['lit', '@lit-labs/ssr', 'hono', 'devalue', 'react', 'vite', 'miniflare', 'workerd'].map((name) => [
    name,
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version,
  ]),
);
results.machine = {
  date: new Date().toISOString(),
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  loadGenerator,
  seconds,
  rounds,
  starts,
  load,
  versions,
};
log(`done; other processes used ${load.map((l) => `${l.otherCores.toFixed(2)} cores during ${l.section}`).join(', ')}`);

if (only !== undefined) {
  const { table } = report(results);
  console.log(table + cachingMarkdown(results.caching));
} else {
  const { table, markdown } = report(results);
  console.log(table + cachingMarkdown(results.caching));
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(here, 'RESULTS.md'), markdown + cachingMarkdown(results.caching));
  log('wrote bench/results.json and bench/RESULTS.md');
}
