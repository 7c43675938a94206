import { spawnSync } from 'node:child_process';
import { copyApp } from './app-copy.js';
import { serveCopy, type DevServer } from './dev-server.js';
import { startVite } from './vite-server.js';

/**
 * Copies an app folder of the repo (see {@link copyApp}), builds it for
 * production with `vite build` and serves the build with `vite preview`, as a
 * user's `npm run build && npm run preview` would.
 */
export function startBuiltCopy(repo: string, options: { app?: string } = {}): Promise<DevServer> {
  const root = copyApp(repo, options);
  return serveCopy(root, async () => {
    const env = { ...process.env, NODE_ENV: 'production' };
    const build = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: root, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    return startVite('preview', root, env);
  });
}
