import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The global setup has just run `vite build` (what `npm run deploy` does first);
// this is the second half of `npm run deploy`, stopped before anything is uploaded.
const root = process.cwd();
const outdir = mkdtempSync(join(tmpdir(), 'litflare-deploy-'));
let output = '';

beforeAll(() => {
  const run = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      WRANGLER_HIDE_BANNER: 'true',
      CI: 'true',
    },
  });
  output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed (${run.status}):\n${output}`);
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('npm run deploy (wrangler deploy --dry-run on the build)', () => {
  it('is the build followed by wrangler deploy', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.deploy).toBe('npm run build && wrangler deploy');
  });

  it('deploys the built Worker with the configuration the build wrote, not the source wrangler.toml', () => {
    expect(output).toContain('dist/litflare_demo/wrangler.json');
    const config = JSON.parse(readFileSync(join(root, 'dist/litflare_demo/wrangler.json'), 'utf8')) as {
      main: string;
      assets: { directory: string; html_handling: string };
    };
    expect(config.main).toBe('index.js');
    expect(config.assets).toMatchObject({ directory: '../client', html_handling: 'auto-trailing-slash' });
  });

  it('bundles one Worker that exports the app and the Durable Object class', () => {
    const entry = readFileSync(join(outdir, 'index.js'), 'utf8');
    expect(entry).toMatch(/export \{[^}]*\bas ChatRoom\b[^}]*\bas default\b[^}]*\}/);
    const chunk = /from "\.\/(assets\/worker-entry-[\w-]+\.js)"/.exec(entry)?.[1];
    expect(chunk).toBeDefined();
    const code = readFileSync(join(outdir, chunk!), 'utf8');
    expect(code).toMatch(/class ChatRoom\b/);
    // Every module the entry needs went into the bundle.
    const modules = readdirSync(join(outdir, 'assets'));
    for (const imported of code.matchAll(/from "\.\/([\w.-]+\.js)"/g)) expect(modules).toContain(imported[1]);
  });

  it('uploads the client assets beside it', () => {
    const read = /Read (\d+) files from the assets directory (\S+)/.exec(output);
    expect(read?.[2]).toBe(join(root, 'dist/client'));
    const built = readdirSync(join(root, 'dist/client/assets'));
    expect(built.some((file) => /^index-[\w-]+\.js$/.test(file))).toBe(true);
    expect(Number(read?.[1])).toBeGreaterThanOrEqual(built.length);
  });

  it('binds the Durable Object and every storage binding of wrangler.toml', () => {
    for (const binding of [
      /env\.CHAT \(ChatRoom\)\s+Durable Object/,
      /env\.DB \(litflare-demo\)\s+D1 Database/,
      /env\.SESSIONS \(litflare-sessions\)\s+KV Namespace/,
      /env\.UPLOADS \(litflare-uploads\)\s+R2 Bucket/,
      /env\.TASKS \(litflare-tasks\)\s+Queue/,
    ]) {
      expect(output).toMatch(binding);
    }
    expect(output).toContain('--dry-run: exiting now.');
  });
});
