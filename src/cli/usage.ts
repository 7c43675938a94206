import type { Palette } from './colors.js';

/**
 * The text of `litflare --help`.
 *
 * @example
 * ```ts
 * io.stdout.write(usage(palette(false)));
 * ```
 */
export function usage(c: Palette): string {
  return `${c.bold('litflare')} <command>

  ${c.cyan('create')} [folder] [--yes] [--no-install] [--from <checkout|.tgz>]
      Writes a new litflare app into an empty folder and installs its dependencies
      (litflare from the npm registry, or --from a litflare checkout or packed .tgz).
  ${c.cyan('types')} [--worker worker/worker-configuration.d.ts] [--out client/worker-types.d.ts]
      After \`wrangler types\`: writes the Worker types browser code can use beside the DOM library.
  ${c.cyan('migration sessions')} [--binding DB] [--table litflare_sessions]
      Writes the D1 migration of d1SessionStore()'s table into migrations_dir (wrangler.toml).
  ${c.cyan('help')}
      This text. \`litflare <command> --help\` tells more about one command.
`;
}
