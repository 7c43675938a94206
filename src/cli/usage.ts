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

  ${c.cyan('create')} [folder] [--yes] [--no-install]
      Writes a new litflare app into an empty folder and installs its dependencies.
  ${c.cyan('types')} [--worker worker/worker-configuration.d.ts] [--out client/worker-types.d.ts]
      After \`wrangler types\`: writes the Worker types browser code can use beside the DOM library.
  ${c.cyan('help')}
      This text. \`litflare <command> --help\` tells more about one command.
`;
}
