import { colorEnabled, palette } from './colors.js';
import type { CliIO } from './io.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Runs a long task with its progress on stdout: a spinner and the elapsed
 * seconds on a terminal, a start line otherwise; then one line with the time
 * it took, marked done or failed. Resolves or rejects as the task does.
 *
 * @example
 * ```ts
 * await withProgress(io, 'Installing dependencies (npm install)', () => install(dir));
 * // ✔ Installing dependencies (npm install) 41.2 s
 * ```
 */
export async function withProgress<T>(io: CliIO, label: string, task: () => Promise<T>): Promise<T> {
  const c = palette(colorEnabled(io.stdout, io.env));
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const live = io.stdout.isTTY === true;
  let frame = 0;
  const timer = live
    ? setInterval(() => io.stdout.write(`\r${c.cyan(FRAMES[frame++ % FRAMES.length] ?? '-')} ${label} ${c.dim(elapsed())}`), 100)
    : undefined;
  if (!live) io.stdout.write(`… ${label}\n`);
  const finish = (mark: string) => {
    clearInterval(timer);
    io.stdout.write(`${live ? '\r\x1b[2K' : ''}${mark} ${label} ${c.dim(elapsed())}\n`);
  };
  try {
    const result = await task();
    finish(c.green('✔'));
    return result;
  } catch (error) {
    finish(c.red('✘'));
    throw error;
  }
}
