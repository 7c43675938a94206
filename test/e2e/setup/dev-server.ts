import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVite } from './vite-server.js';

/** A copy of the demo app served by `vite dev`, so a test may edit its files. */
export interface DevServer {
  root: string;
  baseURL: string;
  close: () => Promise<void>;
}

/**
 * Copies the demo app (and the framework sources it imports as `litflare/*`)
 * to a temporary folder and starts `vite dev` on it, as `npm run dev` does.
 */
export async function startDevServer(repo: string): Promise<DevServer> {
  const root = mkdtempSync(join(tmpdir(), 'litflare-dev-'));
  for (const entry of ['src', 'components', 'worker', 'client', 'package.json', 'tsconfig.json', 'wrangler.toml']) {
    cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Its own dependency cache, so it never shares (or corrupts) the repo's.
  writeFileSync(
    join(root, 'vite.config.ts'),
    "import { defineConfig } from 'vite';\nimport { litflare } from './src/vite/index.js';\n" +
      "export default defineConfig({ cacheDir: '.vite-cache', plugins: [litflare({ cloudflare: { inspectorPort: false } })] });\n",
  );
  try {
    const server = await startVite('dev', root, { NODE_ENV: 'development' });
    return {
      root,
      baseURL: server.baseURL,
      close: async () => {
        await server.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
