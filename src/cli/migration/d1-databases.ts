import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Unstable_Config } from 'wrangler';

/** A D1 database of the app's Wrangler config, where its migrations go. */
export interface D1Config {
  binding: string;
  migrationsDir: string;
}

/**
 * The D1 databases a Wrangler config declares, read with the app's own
 * Wrangler (as `wrangler d1 migrations apply` reads them), each with its
 * migrations folder (`migrations_dir`, default `migrations`, beside the config).
 * `undefined` when Wrangler is not installed.
 *
 * @example
 * ```ts
 * d1Databases('/app', '/app/wrangler.toml'); // [{ binding: 'DB', migrationsDir: '/app/migrations' }]
 * ```
 */
export function d1Databases(root: string, configPath: string): D1Config[] | undefined {
  type Wrangler = typeof import('wrangler');
  let wrangler: Wrangler | undefined;
  // The app's Wrangler, else the one beside litflare (an optional peer: the app's, hoisted).
  for (const from of [join(root, 'package.json'), import.meta.url]) {
    try {
      wrangler = createRequire(from)('wrangler') as Wrangler;
      break;
    } catch {
      continue;
    }
  }
  if (wrangler === undefined) return undefined;
  const config: Unstable_Config = wrangler.unstable_readConfig({ config: configPath }, { hideWarnings: true });
  return config.d1_databases.map((database) => ({
    binding: database.binding,
    migrationsDir: resolve(dirname(configPath), database.migrations_dir ?? 'migrations'),
  }));
}
