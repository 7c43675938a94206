import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { colorEnabled, palette } from '../colors.js';
import type { CliIO } from '../io.js';
import { done, fail } from '../report.js';
import { d1Databases } from './d1-databases.js';
import { isTableName, migrationCreating, nextMigrationFile, sessionMigration } from './session-migration.js';

const HELP = `litflare migration sessions [--binding DB] [--table litflare_sessions] [--config wrangler.toml]

Writes the D1 migration that creates the session table of d1SessionStore()
into the database's migrations_dir (from wrangler.toml), numbered after the
migrations there. \`npm run dev\` and the tests apply it locally;
\`npx wrangler d1 migrations apply <binding> --remote\` applies it in production.

  --binding   the D1 database (needed when wrangler.toml has several)
  --table     the table name, as given to d1SessionStore(binding, { table })
  --config    the Wrangler config (default: wrangler.jsonc, wrangler.json or wrangler.toml here)
`;

const CONFIG_FILES = ['wrangler.jsonc', 'wrangler.json', 'wrangler.toml'];

/**
 * `litflare migration sessions`: the D1 session table's migration. Returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await migrationCommand(['sessions'], processIO());
 * ```
 */
export async function migrationCommand(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP);
    return 0;
  }
  const options = new Map<string, string>();
  const subjects: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) subjects.push(arg);
    else if (['--binding', '--table', '--config'].includes(arg) && args[i + 1] !== undefined) options.set(arg.slice(2), args[++i]!);
    else return fail(io, `${arg}: unknown option, or missing its value.`, 'Run `litflare migration --help` to see the options.');
  }
  if (subjects.join(' ') !== 'sessions') {
    return fail(io, `litflare migration writes one migration: sessions${subjects.length === 0 ? '' : ` (got "${subjects.join(' ')}")`}.`, 'Run `litflare migration sessions`.');
  }
  const table = options.get('table') ?? 'litflare_sessions';
  if (!isTableName(table)) return fail(io, `--table ${table} is not a table name d1SessionStore accepts.`, 'Use letters, digits and underscores, starting with a letter or underscore.');

  const given = options.get('config');
  const configPath = given === undefined ? CONFIG_FILES.map((file) => join(io.cwd, file)).find(existsSync) : resolve(io.cwd, given);
  if (configPath === undefined || !existsSync(configPath)) {
    return fail(io, `${given ?? 'wrangler.toml'} not found: the migration goes where its D1 database's migrations_dir says.`, "Run it in your app's folder, or pass --config path/to/wrangler.toml.");
  }
  const shownConfig = relative(io.cwd, configPath);
  const databases = d1Databases(io.cwd, configPath);
  if (databases === undefined) return fail(io, `Wrangler is not installed here: it reads ${shownConfig}.`, 'Run `npm install` first (Wrangler is a dev dependency of the app).');
  const binding = options.get('binding');
  const candidates = databases.filter((database) => binding === undefined || database.binding === binding);
  if (candidates.length === 0) {
    return fail(
      io,
      binding === undefined ? `${shownConfig} has no D1 database.` : `${shownConfig} has no D1 database bound as ${binding} (it has: ${databases.map((d) => d.binding).join(', ') || 'none'}).`,
      `Add one to ${shownConfig}: [[d1_databases]] binding = "${binding ?? 'DB'}", database_name, database_id, migrations_dir = "migrations".`,
    );
  }
  if (candidates.length > 1) {
    return fail(io, `${shownConfig} has ${candidates.length} D1 databases: ${candidates.map((d) => d.binding).join(', ')}.`, `Say which one keeps the sessions: --binding ${candidates[0]!.binding}.`);
  }
  const { binding: chosen, migrationsDir } = candidates[0]!;
  const shownDir = relative(io.cwd, migrationsDir) || '.';
  const existing = migrationCreating(migrationsDir, table);
  if (existing !== undefined) {
    done(io, `${join(shownDir, existing)} already creates ${table}: nothing to write.`);
    return 0;
  }
  const file = nextMigrationFile(migrationsDir, 'sessions');
  mkdirSync(migrationsDir, { recursive: true });
  writeFileSync(join(migrationsDir, file), sessionMigration(chosen, table));
  done(io, `wrote ${join(shownDir, file)}: the session table ${table} of D1 database ${chosen}`);
  const c = palette(colorEnabled(io.stdout, io.env));
  const store = table === 'litflare_sessions' ? `d1SessionStore('${chosen}')` : `d1SessionStore('${chosen}', { table: '${table}' })`;
  io.stdout.write(
    `\nNext:\n` +
      `  ${c.cyan(`createApp({ session: { store: ${store} } })`)} in the Worker\n` +
      `  ${c.cyan('npm run dev')} applies it to the local database (so do the tests)\n` +
      `  ${c.cyan(`npx wrangler d1 migrations apply ${chosen} --remote`)} before you deploy\n`,
  );
  return 0;
}
