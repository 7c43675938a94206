// npm run bench: builds the benchmark Worker (bench/app), serves the build with
// Miniflare directly, and drives each contestant with wrk in alternation,
// reporting server CPU µs per request (user+sys of the workerd processes) beside req/s.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'devalue';
import { Miniflare } from 'miniflare';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const env = { ...process.env, NODE_ENV: 'production', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

function build() {
  const run = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner', '--config', 'bench/app/vite.config.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building the benchmark Worker failed:\n${run.stdout}${run.stderr}`);
}

async function serve() {
  const dist = join(here, 'app/dist/litflare_bench');
  const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ type: 'ESModule', path: join(dist, name) }));
  modules.sort((a, b) => (a.path.endsWith('/index.js') ? -1 : b.path.endsWith('/index.js') ? 1 : 0));
  const mf = new Miniflare({
    modules,
    modulesRoot: dist,
    compatibilityDate: '2026-04-26',
    compatibilityFlags: ['nodejs_compat'],
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  return { mf, url: url.href.replace(/\/$/, '') };
}

/** user+sys CPU seconds of every workerd process this process started. */
function workerdCpu() {
  const tick = 100;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm.startsWith('workerd') && isDescendant(ppid)) total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // the process went away
    }
  }
  return total;
}

function isDescendant(pid) {
  for (let current = pid; current > 1; ) {
    if (current === process.pid) return true;
    try {
      const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
      current = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

function wrk(url, { body, type } = {}) {
  const args = ['-t1', '-c8', `-d${seconds}s`, '--latency'];
  if (body !== undefined) args.push('-s', join(here, 'post.lua'));
  const run = spawnSync('wrk', [...args, url], { encoding: 'utf8', env: { ...process.env, BENCH_BODY: body ?? '', BENCH_TYPE: type ?? '' } });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const requests = Number(/(\d+) requests in/.exec(run.stdout)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(run.stdout)?.[1] ?? 0);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(run.stdout);
  const ms = p50 ? Number(p50[1]) * ({ us: 0.001, ms: 1, s: 1000 })[p50[2]] : Number.NaN;
  if (non2xx > 0) throw new Error(`${url}: ${non2xx} responses were not 2xx`);
  return { requests, p50: ms };
}

async function main() {
  build();
  const { mf, url } = await serve();
  try {
    const payload = { id: 42, name: 'litflare', tags: ['a', 'b'], price: 9.5 };
    const rpcId = await (await fetch(`${url}/ids/echo`)).text();
    const contestants = [
      { name: 'bare Hono JSON echo', url: `${url}/hono/echo`, body: JSON.stringify(payload), type: 'application/json' },
      { name: 'litflare app JSON route', url: `${url}/plain/echo`, body: JSON.stringify(payload), type: 'application/json' },
      { name: 'litflare RPC echo', url: `${url}/_lf/rpc/${rpcId}`, body: stringify([payload]), type: 'application/x-litflare' },
    ];
    for (const c of contestants) wrk(c.url, { ...c }); // warm up
    const totals = new Map(contestants.map((c) => [c.name, { requests: 0, cpu: 0, p50: [] }]));
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round, so no contestant always runs right after the same one.
      const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]);
      for (const c of order) {
        const before = workerdCpu();
        const result = wrk(c.url, c);
        const total = totals.get(c.name);
        total.cpu += workerdCpu() - before;
        total.requests += result.requests;
        total.p50.push(result.p50);
      }
    }
    const rows = contestants.map((c) => {
      const t = totals.get(c.name);
      return { name: c.name, rps: t.requests / (seconds * rounds), cpuUs: (t.cpu / t.requests) * 1e6, p50: Math.min(...t.p50) };
    });
    console.table(rows.map((r) => ({ contestant: r.name, 'req/s': r.rps.toFixed(0), 'server CPU µs/req': r.cpuUs.toFixed(0), 'p50 ms': r.p50.toFixed(2) })));
    const [hono, , rpc] = rows;
    console.log(`RPC echo: ${(rpc.cpuUs / hono.cpuUs).toFixed(2)}× the CPU of bare Hono, ${(rpc.rps / hono.rps).toFixed(2)}× its req/s`);
    const withBoundary = await firstByte(`${url}/stream/with`);
    const without = await firstByte(`${url}/stream/without`);
    console.log(
      `First byte, median of ${withBoundary.samples}: ${withBoundary.firstByte.toFixed(2)} ms with the 300 ms boundary ` +
        `(complete at ${withBoundary.total.toFixed(0)} ms), ${without.firstByte.toFixed(2)} ms without: ` +
        `+${(withBoundary.firstByte - without.firstByte).toFixed(2)} ms`,
    );
  } finally {
    await mf.dispose();
  }
}

/** Median time to the first body byte, and to the end, over sequential requests. */
async function firstByte(target, samples = 21) {
  const first = [];
  const total = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await fetch(target);
    const reader = response.body.getReader();
    await reader.read();
    first.push(performance.now() - started);
    while (!(await reader.read()).done);
    total.push(performance.now() - started);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { samples, firstByte: median(first), total: median(total) };
}

if (process.env.BENCH_ONLY === 'first-byte') {
  build();
  const { mf, url } = await serve();
  try {
    const withBoundary = await firstByte(`${url}/stream/with`);
    const without = await firstByte(`${url}/stream/without`);
    console.log({ withBoundary, without, added: withBoundary.firstByte - without.firstByte });
  } finally {
    await mf.dispose();
  }
} else await main();
