import { d1 } from '../bindings/accessors.js';
import type { BindingName } from '../bindings/lookup.js';
import { DEFAULT_SESSION_TABLE, sessionTable, sessionTableSql } from './d1-schema.js';
import type { SessionStore } from './store.js';

/**
 * A {@link SessionStore} in D1, with a way to delete expired rows.
 *
 * @example
 * ```ts
 * const sessions: D1SessionStore = d1SessionStore('DB');
 * app.cron('0 3 * * *', () => sessions.purgeExpired());
 * ```
 */
export interface D1SessionStore extends SessionStore {
  /** Deletes every expired session; call it from a cron handler. Resolves to the number deleted. */
  purgeExpired(): Promise<number>;
}

/**
 * Sessions in a D1 table (`litflare_sessions` unless `table` says otherwise),
 * created by the migration {@link sessionTableSql} returns (a new app has it;
 * `npx litflare migration sessions` writes it into another). Reads and writes
 * are strongly consistent. Expired rows are ignored on read; delete them from
 * a cron with `purgeExpired()`.
 *
 * @example
 * ```ts
 * const sessions = d1SessionStore('DB');
 * const app = createApp({ session: { store: sessions } });
 * app.cron('0 3 * * *', () => sessions.purgeExpired());
 * ```
 */
export function d1SessionStore(binding: BindingName<D1Database>, options: { table?: string } = {}): D1SessionStore {
  const table = sessionTable(options.table ?? DEFAULT_SESSION_TABLE);
  const db = () => d1(binding) as D1Database;
  const run = async <T>(query: () => Promise<T>): Promise<T> => {
    try {
      return await query();
    } catch (error) {
      throw explain(error, binding, table);
    }
  };
  return {
    load: (key) =>
      run(async () => {
        const row = await db()
          .prepare(`SELECT data, expires_at FROM ${table} WHERE id = ?1`)
          .bind(key)
          .first<{ data: string; expires_at: number }>();
        return row === null ? undefined : { data: row.data, expiresAt: row.expires_at };
      }),
    save: (key, session) =>
      run(async () => {
        await db()
          .prepare(
            `INSERT INTO ${table} (id, data, expires_at) VALUES (?1, ?2, ?3) ` +
              'ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at',
          )
          .bind(key, session.data, session.expiresAt)
          .run();
      }),
    delete: (key) =>
      run(async () => {
        await db().prepare(`DELETE FROM ${table} WHERE id = ?1`).bind(key).run();
      }),
    purgeExpired: () =>
      run(async () => {
        const result = await db().prepare(`DELETE FROM ${table} WHERE expires_at <= ?1`).bind(Date.now()).run();
        return result.meta.changes;
      }),
  };
}

/** A missing table is a setup step, not a crash: say which migration to apply. */
function explain(error: unknown, binding: string, table: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.includes(`no such table: ${table}`)) return error;
  return new Error(
    `litflare: the D1 session table "${table}" does not exist in ${binding}. Write its migration with ` +
      `\`npx litflare migration sessions --binding ${binding}${table === DEFAULT_SESSION_TABLE ? '' : ` --table ${table}`}\` ` +
      `(\`npm run dev\` applies it; \`wrangler d1 migrations apply ${binding} --local\` otherwise), or add one with this SQL ` +
      `(sessionTableSql() returns it):\n\n` +
      sessionTableSql(table),
    { cause: error },
  );
}
