import { spawn } from 'node:child_process';

/**
 * Runs `npm …args` in `dir`, quietly. Rejects with the end of npm's output
 * when it fails.
 *
 * @example
 * ```ts
 * await runNpm(['install', '--no-audit', '--no-fund'], 'my-app', process.env);
 * ```
 */
export function runNpm(args: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {
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
  return runNpm(['install', '--no-audit', '--no-fund'], dir, env);
}

/**
 * True when npm's output says it found no published litflare of the version
 * the app asks for (an unreleased litflare: install it with `--from`).
 *
 * @example
 * ```ts
 * if (litflareUnpublished(error.message)) hint = 'create it with --from';
 * ```
 */
export function litflareUnpublished(npmOutput: string): boolean {
  return /\b(E404|ETARGET)\b/.test(npmOutput) && /\blitflare@/.test(npmOutput);
}
