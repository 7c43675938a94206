// npm run bench: every figure of the benchmark issue, side by side in one run.
// Builds the benchmark Worker (bench/app) and the demo, serves the builds with
// Miniflare directly, drives contestants in alternation, and writes
// bench/results.json and bench/RESULTS.md. Knobs: BENCH_SECONDS (per turn), BENCH_ROUNDS.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'devalue';
import { contest } from './lib/contest.mjs';
import { firstBytes, loadGenerator } from './lib/load.mjs';
import { measurePage } from './lib/browser.mjs';
import { report } from './lib/report.mjs';
import { serve, serveBuild } from './lib/serve.mjs';
import { clientParts, htmlBytes, jsBytes } from './lib/sizes.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const env = {
  ...process.env,
  NODE_ENV: 'production',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};
const started = Date.now();
// BENCH_ONLY=pages,rpc,streaming,demo runs some sections (while working on one); RESULTS.md is then not written.
const only = process.env.BENCH_ONLY?.split(',');
const runs = (section) => only === undefined || only.includes(section);

function build(config) {
  const args = ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'warn', ...(config ? ['--config', config] : [])];
  const run = spawnSync('npx', args, { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build ${config ?? ''} failed:\n${run.stdout}${run.stderr}`);
}

const log = (text) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);

log('building the benchmark Worker and the demo');
build('bench/app/vite.config.ts');
build();

const results = { machine: {}, pages: {}, firstByte: {}, html: {}, rpc: {}, streaming: {}, demo: {} };
const bench = await serveBuild(join(here, 'app/dist/litflare_bench'));
try {
  const url = bench.url;
  const pages = [
    { name: 'litflare page', url: `${url}/page/litflare` },
    { name: 'raw Lit collectResult', url: `${url}/page/lit-collect` },
    { name: 'litflare renderer alone (one string)', url: `${url}/page/renderer` },
    { name: 'React 19 renderToReadableStream', url: `${url}/page/react` },
    { name: 'plain template string', url: `${url}/page/string` },
  ];
  if (runs('pages')) {
    log(`pages: ${pages.length} contestants × ${rounds} rounds × ${seconds} s (${loadGenerator})`);
    for (const row of await contest(pages, { seconds, rounds })) results.pages[row.name] = row;
    const times = await firstBytes(pages.map((page) => page.url));
    for (const [i, page] of pages.entries()) {
      results.firstByte[page.name] = times[i];
      results.html[page.name] = await htmlBytes(page.url);
    }
  }

  const rpcId = await (await fetch(`${url}/ids/echo`, { headers: { connection: 'close' } })).text();
  const payload = { id: 42, name: 'litflare', tags: ['a', 'b'], price: 9.5 };
  const json = { body: JSON.stringify(payload), type: 'application/json' };
  const rpc = [
    { name: 'bare Hono JSON echo', url: `${url}/hono/echo`, post: json },
    { name: 'bare Hono JSON echo + secureHeaders()', url: `${url}/hono/secure-echo`, post: json },
    { name: 'litflare app JSON route', url: `${url}/plain/echo`, post: json },
    { name: 'litflare RPC echo', url: `${url}/_lf/rpc/${rpcId}`, post: { body: stringify([payload]), type: 'application/x-litflare+json' } },
  ];
  if (runs('rpc')) {
    log(`rpc: ${rpc.length} contestants`);
    for (const row of await contest(rpc, { seconds, rounds })) results.rpc[row.name] = row;
  }
  if (runs('streaming')) {
    log('streaming: first byte with and without a 300 ms boundary');
    [results.streaming.with, results.streaming.without] = await firstBytes([`${url}/stream/with`, `${url}/stream/without`]);
  }
} finally {
  await bench.mf.dispose();
}

if (runs('demo')) {
  log('demo: Worker size, start-up, client JavaScript');
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const demoDist = join(root, 'dist/litflare_demo');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(demoDist, 'wrangler.json'));
  delete workerOptions.modulesRules;
  // Start-up: the demo (all its bindings) against an empty Worker, each started fresh.
  const trivial = await serve({ modules: true, script: 'export default { fetch: () => new Response("ok") }' });
  await trivial.mf.dispose();
  const demo = await serveBuild(demoDist, workerOptions);
  const firstResponse = performance.now();
  const home = await fetch(`${demo.url}/`, { headers: { connection: 'close' } });
  await home.text();
  results.demo.firstRequestMs = performance.now() - firstResponse;
  // Islands: the demo's home page as shipped, and with every island loaded up front.
  results.demo.islands = { on: await measurePage(`${demo.url}/`), eager: await measurePage(`${demo.url}/?islands=eager`) };
  await demo.mf.dispose();
  results.demo.worker = jsBytes(demoDist);
  results.demo.startupMs = demo.startupMs;
  results.demo.trivialStartupMs = trivial.startupMs;
  results.demo.client = await clientParts(root);
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
  versions,
};

if (only !== undefined) {
  console.log(JSON.stringify({ pages: results.pages, firstByte: results.firstByte, rpc: results.rpc, streaming: results.streaming, demo: results.demo }, null, 2));
} else {
  const { table, markdown } = report(results);
  console.log(table);
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(here, 'RESULTS.md'), markdown);
  log('wrote bench/results.json and bench/RESULTS.md');
}
