import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The scaffold's migration is the one source of the SQL the CLI writes (the
// CLI loads no runtime code); a unit test holds it to sessionTableSql().
const TEMPLATE = new URL('../template/migrations/0002_sessions.sql', import.meta.url);
const DEFAULT_TABLE = 'litflare_sessions';

/**
 * A session table name as d1SessionStore takes it: spliced into SQL, so a
 * plain identifier.
 *
 * @example
 * ```ts
 * isTableName('app_sessions'); // true
 * ```
 */
export function isTableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * The migration that creates the session table of `d1SessionStore(binding,
 * { table })`: a comment saying how it is applied, then the SQL.
 *
 * @example
 * ```ts
 * writeFileSync('migrations/0002_sessions.sql', sessionMigration('DB'));
 * ```
 */
export function sessionMigration(binding: string, table: string = DEFAULT_TABLE): string {
  const sql = readFileSync(TEMPLATE, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .replaceAll(DEFAULT_TABLE, table);
  const store = table === DEFAULT_TABLE ? `d1SessionStore('${binding}')` : `d1SessionStore('${binding}', { table: '${table}' })`;
  return (
    `-- The session table of ${store} (what sessionTableSql() of litflare/worker returns).\n` +
    '-- Applied like every migration here: locally by `npm run dev` and the tests, to the real\n' +
    `-- database with \`npx wrangler d1 migrations apply ${binding} --remote\`.\n` +
    sql
  );
}

/**
 * The name of the next migration in `dir`, numbered as Wrangler numbers them
 * (`0003_sessions.sql` after `0002_….sql`).
 *
 * @example
 * ```ts
 * nextMigrationFile('migrations', 'sessions'); // '0002_sessions.sql'
 * ```
 */
export function nextMigrationFile(dir: string, name: string): string {
  const numbers = sqlFiles(dir).map((file) => Number(/^(\d+)_/.exec(file)?.[1] ?? 0));
  return `${String(Math.max(0, ...numbers) + 1).padStart(4, '0')}_${name}.sql`;
}

/**
 * The migration in `dir` that already creates `table`, if there is one.
 *
 * @example
 * ```ts
 * migrationCreating('migrations', 'litflare_sessions'); // '0002_sessions.sql'
 * ```
 */
export function migrationCreating(dir: string, table: string): string | undefined {
  const creates = new RegExp(`CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?["\`]?${table}["\`]?[\\s(]`, 'i');
  return sqlFiles(dir).find((file) => creates.test(readFileSync(join(dir, file), 'utf8')));
}

const sqlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.sql')).sort() : []);
