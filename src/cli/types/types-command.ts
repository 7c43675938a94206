import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from '../io.js';
import { done, fail } from '../report.js';

const HELP = `litflare types [--worker worker/worker-configuration.d.ts] [--out client/worker-types.d.ts]

Reads the Worker types \`wrangler types\` wrote and writes the part browser code
can use beside the DOM library (binding types for components that import
*.server.ts modules). Run it after \`wrangler types\`, e.g. in \`npm run types\`.
`;

/**
 * `litflare types`: the DOM-safe Worker types for browser code. Returns the exit code.
 *
 * @example
 * ```ts
 * await typesCommand(['--out', 'client/worker-types.d.ts'], processIO());
 * ```
 */
export async function typesCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : args[at + 1] ?? fallback;
  };
  const input = option('worker', 'worker/worker-configuration.d.ts');
  const output = option('out', 'client/worker-types.d.ts');
  if (!existsSync(resolve(io.cwd, input))) {
    return fail(io, `${input} does not exist: litflare types reads what \`wrangler types\` writes.`, `Run \`npx wrangler types ${input}\` first (or pass --worker <file>).`);
  }
  let write: (input: string, output: string) => void;
  try {
    // TypeScript is only needed here: loaded on demand, so `litflare create` works without it.
    ({ writeDomSafeWorkerTypes: write } = await import('./write-dom-safe.js'));
  } catch {
    return fail(io, 'litflare types needs TypeScript, which is not installed.', 'Run `npm install -D typescript`, then `litflare types` again.');
  }
  write(resolve(io.cwd, input), resolve(io.cwd, output));
  done(io, `wrote ${output} (Worker types for browser code) from ${input}`);
  return 0;
}
