import { colorEnabled, palette } from './colors.js';
import type { CliIO } from './io.js';

/**
 * Prints a failure on stderr, the problem then what to do next, and returns
 * the exit code 1.
 *
 * @example
 * ```ts
 * return fail(io, 'my-app is not empty.', 'Pick a new folder: npx litflare create my-app-2');
 * ```
 */
export function fail(io: CliIO, problem: string, next: string): number {
  const c = palette(colorEnabled(io.stderr, io.env));
  io.stderr.write(`${c.red(c.bold('✘'))} ${problem}\n  ${c.dim('→')} ${next}\n`);
  return 1;
}

/**
 * Prints a line on stdout that marks something done.
 *
 * @example
 * ```ts
 * done(io, 'wrote client/worker-types.d.ts');
 * ```
 */
export function done(io: CliIO, text: string): void {
  const c = palette(colorEnabled(io.stdout, io.env));
  io.stdout.write(`${c.green('✔')} ${text}\n`);
}
