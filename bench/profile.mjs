// npm run bench:profile [-- key…]: CPU profiles of routes of the benchmark
// Worker under load, taken in workerd by V8's sampling profiler (over the
// inspector Miniflare opens with `inspectorPort`), and where the time goes per
// request, by area, module and function. A page request renders 100 rows, so
// its µs per request are µs per 100 rows.
//
// Keys: page, data, collect, collect-data, renderer, renderer-data, react,
// string (pages); hono, hono-secure, json-plain, json, rpc-plain, rpc (the
// echo's pieces); first (the demo's first request after a fresh start).
// Default: page data rpc first.
//
// A request's figures are this Worker's CPU above the floor (an empty route:
// Miniflare's entry Worker and workerd's HTTP, which every request pays, on
// the same thread), measured without the profiler and split by the profile's
// samples. Knobs: PROFILE_SECONDS (default 5), PROFILE_INTERVAL_US (sampling
// interval, default 100), PROFILE_STARTS (fresh starts for `first`, default
// 5), PROFILE_NO_BUILD=1 (profile the last builds). Writes
// bench/profiles/<key>.cpuprofile (open it in Chrome DevTools' Performance
// panel); bench/profiles/ is not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDist, build, demoDist, root } from './lib/build.mjs';
import { echoId, pageContestants, rpcContestants } from './lib/contestants.mjs';
import { workerdThreadCpuSeconds } from './lib/cpu.mjs';
import { analyse, formatAnalysis, mergeProfiles, ModuleMap } from './lib/cpu-profile.mjs';
import { inspect } from './lib/inspector.mjs';
import { othersLoad } from './lib/machine.mjs';
import { drive, loadGenerator } from './lib/load.mjs';
import { serveBuild } from './lib/serve.mjs';

const seconds = Number(process.env.PROFILE_SECONDS ?? 5);
const interval = Number(process.env.PROFILE_INTERVAL_US ?? 100);
const firstStarts = Number(process.env.PROFILE_STARTS ?? 5);
const keys = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['page', 'data', 'rpc', 'first'];
const out = join(root, 'bench/profiles');
mkdirSync(out, { recursive: true });
for (const name of ['CLOUDFLARE_CF_FETCH_ENABLED', 'WRANGLER_SEND_METRICS', 'WRANGLER_SEND_ERROR_REPORTS']) process.env[name] = 'false';

if (process.env.PROFILE_NO_BUILD !== '1') {
  console.log('building the benchmark Worker and the demo');
  build('bench/app/vite.config.ts');
  if (keys.includes('first')) build();
}

/** Starts V8's sampling profiler in each Worker. */
async function startProfiling(sessions, every = interval) {
  for (const cdp of sessions) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: every });
    await cdp.send('Profiler.start');
  }
}

const stopProfiling = (sessions) => Promise.all(sessions.map(async (cdp) => (await cdp.send('Profiler.stop')).profile));

const loadRoutes = keys.filter((key) => key !== 'first');
if (loadRoutes.length > 0) {
  const bench = await serveBuild(benchDist, { inspectorPort: 0, name: 'bench' });
  try {
    const url = bench.url;
    const contestants = [...pageContestants(url), ...rpcContestants(url, await echoId(url))];
    const worker = await inspect(bench.mf, 'core:user:bench');
    const modules = new ModuleMap(benchDist);
    /** CPU per request of the thread that runs the isolates, and of V8's helper threads, over a turn without the profiler. */
    const threadCpu = async (target, post) => {
      await drive(target, 1, post); // warm up
      const before = workerdThreadCpuSeconds();
      const { requests } = await drive(target, seconds, post);
      const after = workerdThreadCpuSeconds();
      return { requests, main: ((after.main - before.main) / requests) * 1e6, helpers: ((after.helpers - before.helpers) / requests) * 1e6 };
    };
    // Every request passes Miniflare's entry Worker and workerd's HTTP first, on the same thread: an empty route measures that floor.
    const floor = await threadCpu(`${url}/floor`);
    console.log(`floor (an empty route of the same Worker): ${floor.main.toFixed(0)} µs per request on the isolate thread\n`);
    for (const key of loadRoutes) {
      const c = contestants.find((candidate) => candidate.key === key);
      if (c === undefined) throw new Error(`unknown route ${key}: ${contestants.map((candidate) => candidate.key).join(', ')}, first`);
      await drive(c.url, 2, c.post); // the JIT has settled before anything is measured
      const others = othersLoad();
      const plain = await threadCpu(c.url, c.post);
      const own = plain.main - floor.main;
      await startProfiling([worker]);
      const { requests } = await drive(c.url, seconds, c.post);
      const [profile] = await stopProfiling([worker]);
      writeFileSync(join(out, `${key}.cpuprofile`), JSON.stringify(profile));
      console.log(
        formatAnalysis(
          `${c.name} (${key}; ${loadGenerator}, ${seconds} s, sampling every ${interval} µs)`,
          analyse(profile, modules, { requests, cpuUsPerRequest: own }),
          `.\n   Isolate thread without the profiler: ${plain.main.toFixed(0)} µs per request, of which ${own.toFixed(0)} above the floor ` +
            `(V8's helper threads: ${plain.helpers.toFixed(0)} more). The µs below are shares of the samples × ${own.toFixed(0)} µs.\n` +
            `   Other processes used ${others.read().toFixed(2)} of the machine's cores meanwhile.`,
        ),
      );
    }
    worker.close();
  } finally {
    await bench.mf.dispose();
  }
}

if (keys.includes('first')) {
  // The demo's first request after a fresh start: what runs once, before the first page (lazy
  // imports, checks, compiling templates, building the router), over several starts.
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(demoDist, 'wrangler.json'));
  delete workerOptions.modulesRules;
  const profiles = [];
  const walls = [];
  for (let i = 0; i < firstStarts; i++) {
    const demo = await serveBuild(demoDist, { ...workerOptions, inspectorPort: 0, name: 'demo' });
    try {
      const worker = await inspect(demo.mf, 'core:user:demo');
      await startProfiling([worker]);
      const sent = performance.now();
      await (await fetch(`${demo.url}/`, { headers: { connection: 'close' } })).text();
      walls.push(performance.now() - sent);
      const [profile] = await stopProfiling([worker]);
      worker.close();
      profiles.push(profile);
    } finally {
      await demo.mf.dispose();
    }
  }
  const merged = mergeProfiles(profiles);
  writeFileSync(join(out, 'first.cpuprofile'), JSON.stringify(profiles[0]));
  console.log(
    formatAnalysis(
      `the demo's first request (GET /) after a fresh start, ${firstStarts} starts (sampling every ${interval} µs)`,
      analyse(merged, new ModuleMap(demoDist), { requests: firstStarts }),
      `; wall time with the inspector attached: ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    ),
  );
}
