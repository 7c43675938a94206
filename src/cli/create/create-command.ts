import { copyFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { colorEnabled, palette } from '../colors.js';
import { isInteractive, type CliIO } from '../io.js';
import { withProgress } from '../progress.js';
import { done, fail } from '../report.js';
import { appName } from './app-package.js';
import { ask, confirm } from './ask.js';
import { litflareSource, packCheckout } from './litflare-source.js';
import { litflareUnpublished, npmInstall } from './npm.js';
import { parseCreateArgs } from './options.js';
import { isEmptyFolder, writeApp } from './write-app.js';

const DEFAULT_FOLDER = 'my-litflare-app';

/** A path as a shell takes it. */
const quoted = (path: string) => (/^[\w./@-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`);

const HELP = `litflare create [folder] [--yes] [--no-install] [--from <checkout|.tgz>]

Writes a new litflare app (a page, a Lit element, D1-backed server functions,
sessions in D1, and its tests) into an empty folder, then runs npm install.

  folder         where to write it; asked for on a terminal (default ${DEFAULT_FOLDER})
  -y, --yes      accept every default without asking
  --no-install   do not run npm install
  --from <path>  install litflare from a checkout (packed with npm pack) or a
                 .tgz instead of the npm registry; the app gets the .tgz and
                 its package.json points at it (file:)
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
  const source = options.from === undefined ? undefined : litflareSource(resolve(io.cwd, options.from));
  if (source !== undefined && 'problem' in source) return fail(io, source.problem, source.next);
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

  let tarball = source !== undefined && 'tarball' in source ? source.tarball : undefined;
  if (source !== undefined && 'checkout' in source) {
    const checkout = relative(io.cwd, source.checkout) || '.';
    try {
      tarball = await withProgress(io, `Packing litflare from ${checkout} (npm pack)`, () => packCheckout(source.checkout, io.env));
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return fail(io, `npm pack failed in ${checkout} (its output is above); nothing was written.`, `Run \`npm install\` in ${checkout} first (its \`npm pack\` builds lib/), or pass a .tgz: --from litflare-<version>.tgz`);
    }
  }
  // The app keeps its own copy of the tarball, so that `npm install` works there later on.
  const files = writeApp(dir, appName(basename(dir)), tarball === undefined ? undefined : `file:${basename(tarball)}`);
  if (tarball !== undefined) {
    copyFileSync(tarball, join(dir, basename(tarball)));
    files.push(basename(tarball));
    if (source !== undefined && 'checkout' in source) rmSync(dirname(tarball), { recursive: true, force: true });
  }
  done(io, `created ${shown} (${files.length} files${tarball === undefined ? '' : `, litflare from ${basename(tarball)}`})`);
  if (install) {
    try {
      await withProgress(io, 'Installing dependencies (npm install)', () => npmInstall(dir, io.env));
    } catch (error) {
      const output = (error as Error).message;
      io.stderr.write(`${output}\n`);
      if (tarball === undefined && litflareUnpublished(output)) {
        return fail(
          io,
          'npm install failed: this litflare is not on the npm registry (its output is above).',
          `Install it from a litflare checkout or its packed .tgz: remove ${shown}, then run \`npx litflare create ${quoted(folder)} --from ../litflare\`.`,
        );
      }
      return fail(io, 'npm install failed (its output is above).', `Run \`npm install\` yourself in ${shown}, then \`npm run dev\`.`);
    }
  }
  const c = palette(colorEnabled(io.stdout, io.env));
  const steps = [...(shown === '.' ? [] : [`cd ${shown}`]), ...(install ? [] : ['npm install']), 'npm run dev', 'npm test'];
  io.stdout.write(`\nNext:\n${steps.map((step) => `  ${c.cyan(step)}`).join('\n')}\n`);
  return 0;
}
