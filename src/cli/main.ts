import { colorEnabled, palette } from './colors.js';
import { processIO, type CliIO } from './io.js';
import { fail } from './report.js';
import { migrationCommand } from './migration/migration-command.js';
import { typesCommand } from './types/types-command.js';
import { usage } from './usage.js';
import { createCommand } from './create/create-command.js';

/**
 * The `litflare` command line. Returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['create', 'my-app', '--yes']);
 * ```
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(usage(palette(colorEnabled(io.stdout, io.env))));
      return 0;
    case 'create':
      return createCommand(rest, io);
    case 'types':
      return typesCommand(rest, io);
    case 'migration':
      return migrationCommand(rest, io);
    default:
      return fail(io, `Unknown command "${command}".`, 'Run `litflare --help` to see the commands: create, types, migration.');
  }
}
