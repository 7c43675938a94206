/** A stream the CLI writes to: `process.stdout`, or a test's recorder. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where the `litflare` command reads and writes, so tests can drive it. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The folder relative paths are resolved from. */
  cwd: string;
}

/**
 * The real terminal.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), processIO());
 * ```
 */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * True when both ends are a terminal, so the CLI may ask questions.
 *
 * @example
 * ```ts
 * if (isInteractive(io)) name = await ask(io, 'Folder name');
 * ```
 */
export function isInteractive(io: CliIO): boolean {
  return io.stdin.isTTY === true && io.stdout.isTTY === true;
}
