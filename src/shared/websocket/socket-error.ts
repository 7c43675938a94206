/**
 * An error sent over a WebSocket to one client: a message that could not be
 * decoded or validated, one the server refused on purpose, or a failure. The
 * connection stays open. On the client it arrives as a `SocketError` (not as
 * a message). Its `status` says which, as HTTP would: 400 unless given (a
 * `ServerError` thrown by `receive()` arrives with its own; a crash is 500).
 *
 * @example
 * ```ts
 * // in a SocketServer's receive():
 * if (connection.state === null) throw new SocketError('Choose a name first.');
 * ```
 */
export class SocketError<Data = unknown> extends Error {
  override readonly name = 'SocketError';
  /** Anything devalue can serialize, for the client. */
  readonly data: Data | undefined;
  /** HTTP-like status: 4xx for a message the server refused, 5xx when it failed. */
  readonly status: number;

  constructor(message: string, data?: Data, status = 400) {
    super(message);
    this.data = data;
    this.status = Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
  }
}

/**
 * Whether `value` is a {@link SocketError}, also across realms and copies of litflare.
 *
 * @example
 * ```ts
 * socket.onError = (error) => { if (isSocketError(error)) toast(error.message); };
 * ```
 */
export function isSocketError(value: unknown): value is SocketError {
  return value instanceof SocketError || (value instanceof Error && value.name === 'SocketError' && 'data' in value);
}
