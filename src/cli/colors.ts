import type { OutStream } from './io.js';

/**
 * Whether to colour what goes to `stream`: `NO_COLOR` (any value) turns
 * colour off, `FORCE_COLOR` turns it on (`0` or `false`: off), otherwise only
 * a terminal that is not `TERM=dumb` gets colour.
 *
 * @example
 * ```ts
 * colorEnabled(process.stdout, process.env); // false when piped
 * ```
 */
export function colorEnabled(stream: OutStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The few styles the CLI uses; each returns its text unchanged when colour is off. */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
}

/**
 * Styles for one stream.
 *
 * @example
 * ```ts
 * const c = palette(colorEnabled(process.stderr, process.env));
 * process.stderr.write(c.red('litflare: unknown command') + '\n');
 * ```
 */
export function palette(enabled: boolean): Palette {
  // Plain SGR codes: node:util styleText decides on its own from process.stdout
  // in Node 20, which is not always the stream written to.
  const style = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { bold: style(1, 22), dim: style(2, 22), green: style(32, 39), red: style(31, 39), cyan: style(36, 39) };
}
