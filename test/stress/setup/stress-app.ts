import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sections } from '../support/results.js';
import { serveBuild, type ServedBuild } from '../support/serve-build.js';

/** The whole run stops after this long, whatever is still going (15 minutes; a normal run takes about 4). */
const STRESS_DEADLINE_MS = Number(process.env.LITFLARE_STRESS_DEADLINE_MS ?? 15 * 60_000);

let server: ServedBuild | undefined;
let scratch: string | undefined;
let started = 0;

/**
 * Builds the stress app (test/stress/app) with `vite build` and serves the
 * build in workerd (Miniflare; local D1 and KV in a temporary folder) on
 * 127.0.0.1. workerd answers HTTP itself: `vite preview` would put a Node
 * proxy in front, whose own limits (it turns a 413 sent before an upload
 * ends into a 500 of its own) are not the app's.
 */
export async function setup(project: TestProject): Promise<void> {
  started = Date.now();
  const root = project.config.root;
  // Nothing phones home: not the build, not wrangler's config reader in this process.
  Object.assign(process.env, {
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_HIDE_BANNER: 'true',
  });
  const env = { ...process.env, NODE_ENV: 'production' };
  scratch = mkdtempSync(join(tmpdir(), 'litflare-stress-'));
  const config = 'test/stress/app/vite.config.ts';
  const build = spawnSync('npx', ['vite', 'build', '--config', config, '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the stress app failed:\n${build.stdout}\n${build.stderr}`);
  const app = join(root, 'test/stress/app');
  server = await serveBuild({
    worker: join(app, 'dist/litflare_stress'),
    client: join(app, 'dist/client'),
    migrations: join(app, 'migrations'),
    persistTo: join(scratch, 'state'),
  });
  project.provide('stressURL', server.url);
  // workerd runs under this process.
  project.provide('stressPid', process.pid);
  project.provide('stressResults', join(scratch, 'results'));
  setTimeout(() => {
    console.error(`litflare stress: still running after ${STRESS_DEADLINE_MS / 1000} s; stopping.`);
    void server?.stop().finally(() => process.exit(2));
  }, STRESS_DEADLINE_MS).unref();
}

/** Stops the app and writes test/stress/RESULTS.md from the phases' figures. */
export async function teardown(): Promise<void> {
  await server?.stop();
  if (scratch === undefined) return;
  const found = sections(join(scratch, 'results'));
  const workerd = spawnSync('npx', ['workerd', '--version'], { encoding: 'utf8' }).stdout.trim();
  const lines = [
    '# litflare stress results',
    '',
    'Written by `npm run test:stress` (test/stress): the stress app (test/stress/app) built with `vite build` and served by',
    'workerd through Miniflare (local D1 and KV, the client assets) on 127.0.0.1, driven from Node on the same machine.',
    'Figures describe this machine and run only; nothing here is a threshold of `npm test`.',
    '',
    `- run: ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s in all (bounded at ${STRESS_DEADLINE_MS / 60_000} min)`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${workerd}`,
    `- verdict: ${found.length > 0 && found.every((section) => section.passed) ? 'every phase passed' : 'FAILED (see below)'}`,
    '',
    ...found.flatMap((section) => [`## ${section.title}${section.passed ? '' : ' — FAILED'}`, '', section.body, '']),
  ];
  writeFileSync(new URL('../RESULTS.md', import.meta.url), lines.join('\n'));
  rmSync(scratch, { recursive: true, force: true });
}
