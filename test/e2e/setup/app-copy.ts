import { cpSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies the demo app (and the framework sources it imports as `litflare/*`)
 * to a new temporary folder, with a Vite config of its own, and returns the
 * folder. With `app`, another app folder of the repo (e.g. a test fixture)
 * replaces the demo app.
 */
export function copyApp(repo: string, options: { app?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'litflare-dev-'));
  for (const entry of ['src', 'package.json']) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  const app = join(repo, options.app ?? '.');
  const entries = options.app === undefined ? ['components', 'worker', 'client', 'tsconfig.json', 'wrangler.toml'] : readdirSync(app);
  for (const entry of entries) cpSync(join(app, entry), join(root, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Its own dependency cache, so it never shares (or corrupts) the repo's. The plugin by
  // path: Vite's config loader ignores the litflare-source condition, and lib/ may be stale.
  writeFileSync(
    join(root, 'vite.config.ts'),
    "import { defineConfig } from 'vite';\nimport { litflare } from './src/vite/index.js';\n" +
      "export default defineConfig({ cacheDir: '.vite-cache', plugins: [litflare({ cloudflare: { inspectorPort: false } })] });\n",
  );
  return root;
}
