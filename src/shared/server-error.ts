/**
 * An error a server function throws on purpose: its status, message and data
 * cross the wire unchanged and it is thrown again in the browser as a
 * `ServerError`. Anything else a server function throws becomes a 500 with a
 * generic message (details only in development).
 *
 * @example
 * ```ts
 * export async function getUser(id: string) {
 *   const user = await d1('DB').prepare('SELECT * FROM users WHERE id = ?').bind(id).first();
 *   if (user === null) throw new ServerError(404, 'No such user', { id });
 *   return user;
 * }
 * ```
 */
export class ServerError<Data = unknown> extends Error {
  override readonly name = 'ServerError';
  /** HTTP status, 400–599. */
  readonly status: number;
  /** Anything devalue can serialize, for the caller. */
  readonly data: Data | undefined;

  constructor(status: number, message: string, data?: Data) {
    super(message);
    this.status = Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
    this.data = data;
  }
}

/**
 * Whether `value` is a {@link ServerError}, also across realms and copies of litflare.
 *
 * @example
 * ```ts
 * try { await save(todo); } catch (error) { if (isServerError(error) && error.status === 409) retry(); }
 * ```
 */
export function isServerError(value: unknown): value is ServerError {
  return value instanceof ServerError || (value instanceof Error && value.name === 'ServerError' && 'status' in value);
}
