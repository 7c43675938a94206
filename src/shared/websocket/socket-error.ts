/**
 * An error sent over a WebSocket to one client: a message that could not be
 * decoded or validated, or one the server refused on purpose. The connection
 * stays open. On the client it arrives as a `SocketError` (not as a message).
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

  constructor(message: string, data?: Data) {
    super(message);
    this.data = data;
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
