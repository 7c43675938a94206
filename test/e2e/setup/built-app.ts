import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startVite, type ViteServer } from './vite-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: ViteServer | undefined;

/**
 * Builds the demo app and serves the build in workerd, exactly as a user's
 * `npm run build` and `npm run preview` would (child processes, so the build
 * is a production build whatever the test runner's NODE_ENV).
 */
export async function setup(project: TestProject): Promise<void> {
  const root = project.config.root;
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'warn'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  server = await startVite('preview', root, env);
  project.provide('baseURL', server.baseURL);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
