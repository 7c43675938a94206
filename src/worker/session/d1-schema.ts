/** The table {@link d1SessionStore} uses unless told otherwise. */
export const DEFAULT_SESSION_TABLE = 'litflare_sessions';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks a session table name: it is spliced into SQL, so only plain
 * identifiers are allowed.
 *
 * @example
 * ```ts
 * sessionTable('app_sessions'); // 'app_sessions'
 * ```
 */
export function sessionTable(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `litflare: ${JSON.stringify(name)} is not a valid session table name: use letters, digits and ` +
        'underscores, starting with a letter or underscore.',
    );
  }
  return name;
}

/**
 * The SQL that creates the D1 session table: put it in a migration
 * (`worker/migrations/0001_sessions.sql` in the demo) and apply it with
 * `wrangler d1 migrations apply`. `vite dev` and the test setup apply
 * migrations automatically.
 *
 * @example
 * ```ts
 * await env.DB.exec(sessionTableSql());
 * ```
 */
export function sessionTableSql(table: string = DEFAULT_SESSION_TABLE): string {
  const name = sessionTable(table);
  return (
    `CREATE TABLE IF NOT EXISTS ${name} (\n` +
    '  id TEXT PRIMARY KEY,\n' +
    '  data TEXT NOT NULL,\n' +
    '  expires_at INTEGER NOT NULL\n' +
    ');\n' +
    `CREATE INDEX IF NOT EXISTS ${name}_expires_at ON ${name} (expires_at);\n`
  );
}
