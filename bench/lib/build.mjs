// Builds the benchmark Worker (bench/app) and the demo with Vite, as `npm run build` does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The environment every build and Worker of the benchmark runs with: production, no telemetry, no network. */
export const benchEnv = {
  ...process.env,
  NODE_ENV: 'production',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** `vite build` of the app at `config` (the demo when left out). */
export function build(config) {
  const args = ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'warn', ...(config ? ['--config', config] : [])];
  const run = spawnSync('npx', args, { cwd: root, env: benchEnv, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build ${config ?? ''} failed:\n${run.stdout}${run.stderr}`);
}

/** Where the builds go. */
export const benchDist = join(root, 'bench/app/dist/litflare_bench');
export const demoDist = join(root, 'dist/litflare_demo');
