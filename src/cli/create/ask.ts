import { createInterface } from 'node:readline/promises';
import type { CliIO } from '../io.js';

/**
 * Asks one question on the terminal; an empty answer takes `fallback`.
 *
 * @example
 * ```ts
 * const folder = await ask(io, 'Folder for the new app', 'my-litflare-app');
 * ```
 */
export async function ask(io: CliIO, question: string, fallback: string): Promise<string> {
  const readline = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WritableStream });
  try {
    const answer = (await readline.question(`${question} (${fallback}): `)).trim();
    return answer === '' ? fallback : answer;
  } finally {
    readline.close();
  }
}

/**
 * Asks a yes/no question; an empty answer takes `fallback`.
 *
 * @example
 * ```ts
 * if (await confirm(io, 'Install dependencies with npm now?', true)) await npmInstall(dir);
 * ```
 */
export async function confirm(io: CliIO, question: string, fallback: boolean): Promise<boolean> {
  const answer = (await ask(io, `${question} ${fallback ? 'Y/n' : 'y/N'}`, fallback ? 'yes' : 'no')).toLowerCase();
  return answer.startsWith('y');
}
