import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Unstable_Config } from 'wrangler';

const CONFIG_FILES = ['wrangler.jsonc', 'wrangler.json', 'wrangler.toml'];

/**
 * The app's Wrangler config file: `configPath` if given, else the first of
 * wrangler.jsonc, wrangler.json, wrangler.toml in `root` (as
 * `@cloudflare/vite-plugin` looks for it); `undefined` if there is none.
 *
 * @example
 * ```ts
 * findWranglerConfig(config.root); // '/app/wrangler.toml'
 * ```
 */
export function findWranglerConfig(root: string, configPath?: string): string | undefined {
  if (configPath !== undefined) return resolve(root, configPath);
  return CONFIG_FILES.map((file) => join(root, file)).find((file) => existsSync(file));
}

/**
 * Reads a Wrangler config with the app's own Wrangler, as
 * `@cloudflare/vite-plugin` does: same defaults, same environment handling,
 * paths (such as `main`) resolved.
 *
 * @example
 * ```ts
 * const { main, durable_objects } = readWranglerConfig(config.root, '/app/wrangler.toml');
 * ```
 */
export function readWranglerConfig(root: string, configPath: string): Unstable_Config {
  const wrangler = createRequire(join(root, 'package.json'))('wrangler') as typeof import('wrangler');
  return wrangler.unstable_readConfig({ config: configPath }, { hideWarnings: true });
}
