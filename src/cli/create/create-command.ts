import { basename, relative, resolve } from 'node:path';
import { colorEnabled, palette } from '../colors.js';
import { isInteractive, type CliIO } from '../io.js';
import { withProgress } from '../progress.js';
import { done, fail } from '../report.js';
import { appName } from './app-package.js';
import { ask, confirm } from './ask.js';
import { npmInstall } from './install.js';
import { parseCreateArgs } from './options.js';
import { isEmptyFolder, writeApp } from './write-app.js';

const DEFAULT_FOLDER = 'my-litflare-app';

const HELP = `litflare create [folder] [--yes] [--no-install]

Writes a new litflare app (a page, a Lit element, a D1-backed server function
and its test) into an empty folder, then runs npm install.

  folder         where to write it; asked for on a terminal (default ${DEFAULT_FOLDER})
  -y, --yes      accept every default without asking
  --no-install   do not run npm install
  -h, --help     this text
`;

/**
 * `litflare create`: scaffolds an app. Returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await createCommand(['my-app', '--yes'], processIO());
 * ```
 */
export async function createCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = parseCreateArgs(args);
  if ('error' in options) return fail(io, options.error, 'Run `litflare create --help` to see the options.');
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const interactive = isInteractive(io) && !options.yes;
  let folder = options.folder;
  if (folder === undefined) {
    if (interactive) folder = await ask(io, 'Folder for the new app', DEFAULT_FOLDER);
    else if (options.yes) folder = DEFAULT_FOLDER;
    else return fail(io, 'No folder given.', `Run \`npx litflare create my-app\` (or add --yes to use ./${DEFAULT_FOLDER}).`);
  }
  const dir = resolve(io.cwd, folder);
  const shown = relative(io.cwd, dir) || '.';
  if (!isEmptyFolder(dir)) {
    return fail(io, `${shown} is not empty: litflare create only writes into an empty or new folder.`, `Pick another name (npx litflare create ${appName(folder)}-2) or empty ${shown} first.`);
  }
  const install = options.install ?? (interactive ? await confirm(io, 'Install dependencies with npm now?', true) : true);

  const files = writeApp(dir, appName(basename(dir)));
  done(io, `created ${shown} (${files.length} files)`);
  if (install) {
    try {
      await withProgress(io, 'Installing dependencies (npm install)', () => npmInstall(dir, io.env));
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return fail(io, 'npm install failed (its output is above).', `Run \`npm install\` yourself in ${shown}, then \`npm run dev\`.`);
    }
  }
  const c = palette(colorEnabled(io.stdout, io.env));
  const steps = [...(shown === '.' ? [] : [`cd ${shown}`]), ...(install ? [] : ['npm install']), 'npm run dev', 'npm test'];
  io.stdout.write(`\nNext:\n${steps.map((step) => `  ${c.cyan(step)}`).join('\n')}\n`);
  return 0;
}
