// Cold start: how long Miniflare takes to start a Worker (spawn workerd, load
// the config and bindings, compile and evaluate the Worker's modules) and to
// answer its first request, for Workers that add one thing at a time, each
// started fresh several times in rotation (a pause of the machine hits them all).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { workerdCpuSeconds } from './cpu.mjs';
import { serve } from './serve.mjs';
import { spread } from './stats.mjs';

const EMPTY = 'export default { fetch: () => new Response("ok") };';
const EMPTY_WITH_CLASS = `import { DurableObject } from "cloudflare:workers";\n${EMPTY}\nexport class ChatRoom extends DurableObject {}`;
const CONDITIONS = ['litflare-source', 'workerd', 'worker', 'node', 'module', 'import', 'default'];

/**
 * Bundles bench/cold/<name>.ts as a Worker with Vite (Rolldown, as the demo is
 * built), Lit resolving its `node` build as litflare's Vite plugin makes it.
 */
async function bundle(benchDir, name) {
  const outDir = join(benchDir, 'cold/dist', name);
  await build({
    configFile: false,
    root: join(benchDir, 'cold'),
    logLevel: 'warn',
    mode: 'production',
    resolve: { conditions: CONDITIONS },
    ssr: { target: 'webworker', noExternal: true, resolve: { conditions: CONDITIONS, externalConditions: CONDITIONS } },
    build: {
      ssr: join(benchDir, 'cold', `${name}.ts`),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2024',
      rolldownOptions: { external: [/^node:/, /^cloudflare:/, /^virtual:/, 'buffer'] },
    },
  });
  return outDir;
}

// The Worker's entry, wrapped: modules evaluate in the order they are imported,
// so a module before and one after the entry time its evaluation with
// workerd's clock (which, locally, runs during start-up). The wrapper answers
// one path with the figure and hands every other request to the entry as it is.
const CLOCK_START = 'globalThis.__benchEvalStart = Date.now();';
const CLOCK_END = 'globalThis.__benchEvalMs = Date.now() - globalThis.__benchEvalStart;';
const wrapper = (entry) => `import './__bench_clock_start.js';
import * as entry from './${entry}';
import './__bench_clock_end.js';
export * from './${entry}';
const evalMs = globalThis.__benchEvalMs;
const inner = entry.default;
export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === '/__bench/eval') return new Response(String(evalMs));
    return inner.fetch(request, env, ctx);
  },
};
`;

/** Serves the Worker of `dir` (entry `entry`, every .js file a module) behind the timing wrapper. */
function serveTimed(dir, entry, bindings) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  const modules = [
    { type: 'ESModule', path: join(dir, '__bench_wrapper.js'), contents: wrapper(entry) },
    { type: 'ESModule', path: join(dir, '__bench_clock_start.js'), contents: CLOCK_START },
    { type: 'ESModule', path: join(dir, '__bench_clock_end.js'), contents: CLOCK_END },
    ...files.map((name) => ({ type: 'ESModule', path: join(dir, name) })),
  ];
  return serve({ ...bindings, modules, modulesRoot: dir });
}

const FIGURES = ['startupMs', 'evalMs', 'firstRequestMs', 'startupCpuMs', 'firstRequestCpuMs'];

async function startOnce(start) {
  const cpuBefore = workerdCpuSeconds();
  const server = await start();
  const startupCpuMs = (workerdCpuSeconds() - cpuBefore) * 1000;
  try {
    const cpuAtRequest = workerdCpuSeconds();
    const sent = performance.now();
    const response = await fetch(`${server.url}/`, { headers: { connection: 'close' } });
    await response.text();
    if (!response.ok) throw new Error(`cold start: ${server.url}/ answered ${response.status}`);
    const firstRequestMs = performance.now() - sent;
    const firstRequestCpuMs = (workerdCpuSeconds() - cpuAtRequest) * 1000;
    const timed = await fetch(`${server.url}/__bench/eval`, { headers: { connection: 'close' } });
    const evalMs = timed.ok ? Number(await timed.text()) : Number.NaN;
    return { startupMs: server.startupMs, firstRequestMs, startupCpuMs, firstRequestCpuMs, evalMs };
  } finally {
    await server.mf.dispose();
  }
}

/**
 * Start-up and first request (`GET /`) of: an empty Worker; the same with the
 * demo's bindings; a bare Hono Worker with them; a Worker that only imports
 * litflare/worker; the smallest litflare app (one page); the demo as built.
 * Each is started `starts` times; returns medians and spreads (ms): wall
 * time, the evaluation of the Worker's modules (timed inside workerd), and
 * workerd's CPU (at the /proc clock's 10 ms resolution); and every start's
 * figures (`runs`, the i-th starts of all Workers ran in the same rotation).
 */
export async function coldStarts({ benchDir, demoDist, workerOptions, starts = 7 }) {
  const bindings = { ...workerOptions };
  delete bindings.modulesRules;
  const built = {};
  for (const name of ['hono', 'litflare-import', 'litflare-app']) built[name] = await bundle(benchDir, name);
  const variants = [
    ['empty Worker', () => serve({ modules: true, script: EMPTY })],
    ['empty Worker, demo bindings', () => serve({ ...bindings, modules: true, script: EMPTY_WITH_CLASS })],
    ['bare Hono, demo bindings', () => serveTimed(built.hono, 'hono.js', bindings)],
    ['imports litflare/worker only, demo bindings', () => serveTimed(built['litflare-import'], 'litflare-import.js', bindings)],
    ['smallest litflare app, demo bindings', () => serveTimed(built['litflare-app'], 'litflare-app.js', bindings)],
    ['demo Worker (built)', () => serveTimed(demoDist, 'index.js', bindings)],
  ];
  const samples = new Map(variants.map(([name]) => [name, []]));
  for (const [, start] of variants) await startOnce(start); // warm the disk cache and the spawn path
  for (let i = 0; i < starts; i++) {
    for (let j = 0; j < variants.length; j++) {
      const [name, start] = variants[(i + j) % variants.length];
      samples.get(name).push(await startOnce(start));
    }
  }
  return Object.fromEntries(
    [...samples].map(([name, runs]) => [
      name,
      {
        ...Object.fromEntries(FIGURES.map((key) => [key, spread(runs.map((run) => run[key]))])),
        runs,
      },
    ]),
  );
}
