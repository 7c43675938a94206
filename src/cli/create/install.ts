import { spawn } from 'node:child_process';

/**
 * Runs `npm install` in `dir`, quietly. Rejects with the end of npm's output
 * when it fails.
 *
 * @example
 * ```ts
 * await npmInstall('my-app', process.env);
 * ```
 */
export function npmInstall(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data));
    child.stderr.on('data', (data: Buffer) => (output += data));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(output.trim().split('\n').slice(-15).join('\n') || `npm exited with ${code}`));
    });
  });
}
