import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { findWranglerConfig, readWranglerConfig } from './wrangler-config.js';

/**
 * Options for {@link d1Migrations}.
 *
 * @example
 * ```ts
 * d1Migrations({ configPath: 'wrangler.jsonc', persistState: { path: '.state' } });
 * ```
 */
export interface D1MigrationsOptions {
  /** The Wrangler config file. @default wrangler.jsonc, wrangler.json or wrangler.toml in the Vite root */
  configPath?: string;
  /** Where local state lives, as `@cloudflare/vite-plugin`'s `persistState`. @default true (.wrangler/state) */
  persistState?: boolean | { path: string };
}

/** A D1 database whose migrations to apply. */
interface Database {
  binding: string;
  migrationsDir: string;
}

/**
 * Applies every D1 database's migrations (`migrations_dir` in wrangler.toml,
 * e.g. the session table) to the local database when `vite dev` or `vite
 * preview` starts, before workerd opens it, as `wrangler d1 migrations apply
 * --local` does. A migration that fails stops the server with Wrangler's output.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [d1Migrations(), cloudflare()] });
 * ```
 */
export function d1Migrations(options: D1MigrationsOptions = {}): Plugin {
  const migrate = async (config: ResolvedConfig): Promise<void> => {
    const root = config.root;
    // In-memory state starts empty every time; there is nothing on disk to migrate.
    if (options.persistState === false) return;
    const configPath = findWranglerConfig(root, options.configPath);
    if (configPath === undefined) return;
    const persistTo = resolve(root, typeof options.persistState === 'object' ? options.persistState.path : '.wrangler/state');
    // Wrangler as the app has it (@cloudflare/vite-plugin needs it too).
    const wrangler = createRequire(join(root, 'package.json'));
    for (const database of databases(root, configPath)) {
      if (!existsSync(database.migrationsDir)) continue;
      const output = await applyMigrations(wrangler, configPath, persistTo, database.binding);
      if (!output.includes('No migrations to apply')) {
        config.logger.info(`litflare: applied the D1 migrations of ${database.binding} to the local database`);
      }
    }
  };
  return {
    name: 'litflare:d1-migrations',
    apply: 'serve',
    // Before @cloudflare/vite-plugin starts Miniflare on the same files.
    enforce: 'pre',
    configureServer: (server) => migrate(server.config),
    configurePreviewServer: (server) => migrate(server.config),
  };
}

function databases(root: string, configPath: string): Database[] {
  return readWranglerConfig(root, configPath).d1_databases.map((database: { binding: string; migrations_dir?: string }) => ({
    binding: database.binding,
    migrationsDir: resolve(dirname(configPath), database.migrations_dir ?? 'migrations'),
  }));
}

function applyMigrations(wrangler: NodeRequire, configPath: string, persistTo: string, binding: string): Promise<string> {
  const cli = join(dirname(wrangler.resolve('wrangler/package.json')), 'bin/wrangler.js');
  const args = ['d1', 'migrations', 'apply', binding, '--local', '--config', configPath, '--persist-to', persistTo];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: dirname(configPath),
      // No banner (it checks npm for updates), no metrics: nothing phones home.
      env: { ...process.env, WRANGLER_HIDE_BANNER: 'true', WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data));
    child.stderr.on('data', (data: Buffer) => (output += data));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`litflare: applying the D1 migrations of ${binding} failed (wrangler exited with ${code}):\n${output}`));
    });
  });
}
