import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A `vite dev` or `vite preview` child process on a free loopback port. */
export interface ViteServer {
  baseURL: string;
  /** The process id of the `npx vite` process (the leader of its process group). */
  pid: number | undefined;
  output: () => string;
  stop: () => Promise<void>;
}

/** Where {@link startVite} listens and which config it loads. */
export interface ViteServerOptions {
  /** A port to listen on (e.g. the one a stopped server had, so its clients reconnect). @default a free one */
  port?: number;
  /** A Vite config file other than the root's. */
  config?: string;
}

/**
 * Starts `npx vite <command>` in `cwd` (as the npm scripts do) on a free port
 * and resolves once it answers `GET /`.
 */
export async function startVite(
  command: 'dev' | 'preview',
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: ViteServerOptions = {},
): Promise<ViteServer> {
  // A free port can be taken by another process (another test file's server)
  // between the probe and Vite's own listen: try another one then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(command, cwd, env, { ...options, port: options.port ?? (await freePort()) });
    } catch (error) {
      const taken = error instanceof PortTaken;
      if (!taken || options.port !== undefined || attempt >= 5) throw taken ? new Error(error.message) : error;
    }
  }
}

class PortTaken extends Error {}

async function startOnce(
  command: 'dev' | 'preview',
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: ViteServerOptions & { port: number },
): Promise<ViteServer> {
  const port = options.port;
  const config = options.config === undefined ? [] : ['--config', options.config];
  const child = spawn(
    'npx',
    ['vite', command, ...config, '--configLoader', 'runner', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data));
  child.stderr.on('data', (data: Buffer) => (output += data));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const message = `vite ${command} exited:\n${output}`;
      throw /port \d+ is already in use/i.test(output) ? new PortTaken(message) : new Error(message);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`vite ${command} did not answer within 60 s:\n${output}`);
    }
    try {
      if ((await fetch(`${baseURL}/`)).ok) return { baseURL, pid: child.pid, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
