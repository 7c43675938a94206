import { writeDomSafeWorkerTypes } from './types/write-dom-safe.js';

const usage = `litflare <command>

  types [--worker worker/worker-configuration.d.ts] [--out client/worker-types.d.ts]
      After \`wrangler types\`: writes the Worker types browser code can use beside the DOM library.`;

/**
 * The `litflare` command line. Returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['types']);
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const option = (name: string, fallback: string) => {
    const at = rest.indexOf(`--${name}`);
    return at === -1 ? fallback : rest[at + 1] ?? fallback;
  };
  if (command === 'types') {
    const input = option('worker', 'worker/worker-configuration.d.ts');
    const output = option('out', 'client/worker-types.d.ts');
    writeDomSafeWorkerTypes(input, output);
    console.log(`litflare: wrote ${output} (Worker types for browser code) from ${input}`);
    return 0;
  }
  console.error(command === undefined ? usage : `litflare: unknown command "${command}"\n\n${usage}`);
  return command === undefined || command === 'help' ? 0 : 1;
}
