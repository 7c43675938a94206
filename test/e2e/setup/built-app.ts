import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilServing } from './dev-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: ChildProcess | undefined;

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

  const port = await freePort();
  server = spawn('npx', ['vite', 'preview', '--configLoader', 'runner', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (data: Buffer) => (output += data));
  server.stderr?.on('data', (data: Buffer) => (output += data));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseURL, server, () => output);
  project.provide('baseURL', baseURL);
}

export async function teardown(): Promise<void> {
  if (server?.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
}

