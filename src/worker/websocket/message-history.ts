import { parse, stringify } from 'devalue';

/**
 * Options of {@link MessageHistory}.
 *
 * @example
 * ```ts
 * new MessageHistory<ChatMessage>(this.ctx.storage, { table: 'messages', keep: 200 });
 * ```
 */
export interface MessageHistoryOptions {
  /** The SQLite table. @default 'litflare_history' */
  table?: string;
  /** How many entries to keep; older ones are deleted as new ones arrive. @default 1000 */
  keep?: number;
}

interface Row extends Record<string, SqlStorageValue> {
  value: string;
}

/**
 * The recent messages of a Durable Object, kept in its SQLite storage (so
 * they survive eviction, hibernation and restarts) as devalue text: `Date`,
 * `Map` and the like come back as they went in. Reads and writes are
 * synchronous, as the Durable Object's SQL API is.
 *
 * The object must be SQLite-backed: its class listed under
 * `new_sqlite_classes` in wrangler.toml's `[[migrations]]`.
 *
 * @example
 * ```ts
 * export class ChatRoom extends SocketServer<ChatProtocol> {
 *   readonly history = new MessageHistory<ChatMessage>(this.ctx.storage, { keep: 200 });
 *   recent() { return this.history.recent(50); } // also callable over RPC, for server rendering
 * }
 * ```
 */
export class MessageHistory<T> {
  readonly #sql: SqlStorage;
  readonly #table: string;
  readonly #keep: number;

  constructor(storage: DurableObjectStorage, options: MessageHistoryOptions = {}) {
    const table = options.table ?? 'litflare_history';
    if (!/^[A-Za-z_]\w{0,62}$/.test(table)) {
      throw new Error(`litflare: MessageHistory: table ${JSON.stringify(table)} is not a plain SQL name (letters, digits, _).`);
    }
    const keep = options.keep ?? 1000;
    if (!Number.isSafeInteger(keep) || keep < 1) {
      throw new Error(`litflare: MessageHistory: keep must be a whole number of at least 1, not ${String(keep)}.`);
    }
    this.#sql = createTable(storage, table);
    this.#table = table;
    this.#keep = keep;
  }

  /**
   * Stores a value (anything devalue can serialize) and returns its id,
   * which grows with each append.
   *
   * @example
   * ```ts
   * const id = history.append({ author: 'ada', text: 'hi', at: new Date() });
   * ```
   */
  append(value: T): number {
    const encoded = stringify(value);
    const id = this.#sql.exec<{ id: number }>(`INSERT INTO ${this.#table} (value) VALUES (?) RETURNING id`, encoded).one().id;
    this.#sql.exec(`DELETE FROM ${this.#table} WHERE id <= ?`, id - this.#keep);
    return id;
  }

  /**
   * The last `limit` values, oldest first.
   *
   * @example
   * ```ts
   * this.send(connection, { type: 'history', messages: this.history.recent(50) });
   * ```
   */
  recent(limit = 50): T[] {
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new Error(`litflare: MessageHistory.recent(): limit must be a whole number of at least 0, not ${String(limit)}.`);
    }
    const rows = this.#sql.exec<Row>(`SELECT value FROM ${this.#table} ORDER BY id DESC LIMIT ?`, limit).toArray();
    return rows.reverse().map((row) => parse(row.value) as T);
  }

  /**
   * Deletes every entry.
   *
   * @example
   * ```ts
   * history.clear();
   * ```
   */
  clear(): void {
    this.#sql.exec(`DELETE FROM ${this.#table}`);
  }
}

/** The storage's SQL API, with the table made: the first use, where a KV-backed object fails. */
function createTable(storage: DurableObjectStorage, table: string): SqlStorage {
  try {
    const sql = storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL)`);
    return sql;
  } catch (cause) {
    throw new Error(
      'litflare: MessageHistory needs a SQLite-backed Durable Object. List its class under new_sqlite_classes ' +
        'in wrangler.toml:\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["<class name>"]',
      { cause },
    );
  }
}
