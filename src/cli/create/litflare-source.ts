import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNpm } from './npm.js';

/** Where `litflare create --from` takes litflare from. */
export type LitflareSource = { tarball: string } | { checkout: string };

/**
 * Reads `--from`: a packed litflare (`.tgz`, as `npm pack` writes it) or a
 * litflare checkout (a folder whose package.json is litflare's). Anything else
 * is a problem and what to do about it.
 *
 * @example
 * ```ts
 * litflareSource('/home/me/litflare'); // { checkout: '/home/me/litflare' }
 * ```
 */
export function litflareSource(path: string): LitflareSource | { problem: string; next: string } {
  const usage = 'Pass a litflare checkout (a folder) or the .tgz `npm pack` wrote in one: --from ../litflare';
  if (!existsSync(path)) return { problem: `--from ${path}: there is no such file or folder.`, next: usage };
  if (statSync(path).isFile()) {
    return /\.(tgz|tar\.gz)$/.test(path) ? { tarball: path } : { problem: `--from ${path} is not a .tgz.`, next: usage };
  }
  const manifest = join(path, 'package.json');
  const name = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name : undefined;
  if (name !== 'litflare') {
    return { problem: `--from ${path} is not a litflare checkout (${name === undefined ? 'no package.json' : `its package.json is ${JSON.stringify(name)}'s`}).`, next: usage };
  }
  return { checkout: path };
}

/**
 * Packs a litflare checkout as npm would publish it (`npm pack`, whose
 * `prepack` compiles `lib/`); returns the tarball, in a new temporary folder.
 *
 * @example
 * ```ts
 * const tarball = await packCheckout('/home/me/litflare', process.env); // '/tmp/litflare-pack-…/litflare-0.1.0.tgz'
 * ```
 */
export async function packCheckout(checkout: string, env: NodeJS.ProcessEnv): Promise<string> {
  const destination = mkdtempSync(join(tmpdir(), 'litflare-pack-'));
  try {
    await runNpm(['pack', '--pack-destination', destination], checkout, env);
    const packed = readdirSync(destination).find((name) => name.endsWith('.tgz'));
    if (packed === undefined) throw new Error(`npm pack wrote no .tgz into ${destination}`);
    return join(destination, packed);
  } catch (error) {
    rmSync(destination, { recursive: true, force: true });
    throw error;
  }
}
