import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPackageJson } from './app-package.js';

const TEMPLATE = fileURLToPath(new URL('../template', import.meta.url));

// npm leaves `.gitignore` files out of packages: the template keeps it as `_gitignore`.
const RENAMED: Record<string, string> = { _gitignore: '.gitignore' };

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((file) => join(name, file)) : [name];
  });
}

/**
 * Writes a new app into `dir` (which must be empty or missing): the template,
 * with `{{name}}` replaced, and a `package.json` (with `litflare` as the
 * dependency spec of litflare, if given). Returns the files written.
 *
 * @example
 * ```ts
 * writeApp('/home/me/my-app', 'my-app'); // ['README.md', '.gitignore', …, 'package.json']
 * ```
 */
export function writeApp(dir: string, name: string, litflare?: string): string[] {
  const written = filesUnder(TEMPLATE).map((file) => {
    const target = RENAMED[file] ?? file;
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    writeFileSync(join(dir, target), readFileSync(join(TEMPLATE, file), 'utf8').replaceAll('{{name}}', name));
    return target;
  });
  writeFileSync(join(dir, 'package.json'), appPackageJson(name, litflare));
  return [...written, 'package.json'];
}

/**
 * True when `dir` is missing or empty (a `.git` folder alone counts as empty).
 *
 * @example
 * ```ts
 * if (!isEmptyFolder('my-app')) throw new Error('my-app is not empty');
 * ```
 */
export function isEmptyFolder(dir: string): boolean {
  try {
    return readdirSync(dir).every((name) => name === '.git');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
