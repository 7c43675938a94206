// Drives the `litflare` command in-process, as tests of the CLI need it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** Folders the runs made: remove them after the tests. */
export const cliFolders: string[] = [];

/** Runs `litflare …` in `cwd` (default: a fresh folder), recording what it prints. */
export async function runCli(argv: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'litflare-cli-'));
  cliFolders.push(cwd);
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    stdin: new PassThrough(),
    env: options.env ?? {},
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, cwd };
}
