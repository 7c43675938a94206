import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the demo app served by `vite dev`, so a test may edit its files. */
export interface DevServer {
  root: string;
  baseURL: string;
  output: () => string;
  close: () => Promise<void>;
}

/**
 * Copies the demo app (and the framework sources it imports as `litflare/*`)
 * to a temporary folder and starts `vite dev` on it, as `npm run dev` does.
 */
export async function startDevServer(repo: string): Promise<DevServer> {
  const root = mkdtempSync(join(tmpdir(), 'litflare-dev-'));
  for (const entry of ['src', 'components', 'worker', 'client', 'package.json', 'tsconfig.json', 'wrangler.toml', 'vite.config.ts']) {
    cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Its own dependency cache, so it never shares (or corrupts) the repo's.
  writeFileSync(
    join(root, 'vite.config.ts'),
    "import { defineConfig } from 'vite';\nimport { litflare } from 'litflare/vite';\n" +
      "export default defineConfig({ cacheDir: '.vite-cache', plugins: [litflare({ cloudflare: { inspectorPort: false } })] });\n",
  );
  const port = await freePort();
  const child = spawn('npx', ['vite', 'dev', '--configLoader', 'runner', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data));
  child.stderr?.on('data', (data: Buffer) => (output += data));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseURL, child, () => output);
  return {
    root,
    baseURL,
    output: () => output,
    close: async () => {
      if (child.pid !== undefined && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitUntilServing(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output()}`);
    try {
      if ((await fetch(`${baseURL}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer within 60 s:\n${output()}`);
}
