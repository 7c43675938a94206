// One WebSocket frame is one devalue text (Date, Map, Set, BigInt, … survive).
// The server's error frames are a SocketError, encoded as a devalue custom
// type, so they can never be mistaken for an application message.
import { parse, stringify } from 'devalue';
import { SocketError } from './socket-error.js';

const reducers = {
  SocketError: (value: unknown) => value instanceof SocketError && [value.message, value.data, value.status],
};

const revivers = {
  SocketError: ([message, data, status]: [string, unknown, number?]) => new SocketError(message, data, status),
};

/**
 * Encodes a message, or a {@link SocketError}, as one text frame.
 *
 * @example
 * ```ts
 * ws.send(encodeFrame({ type: 'message', at: new Date() }));
 * ```
 */
export function encodeFrame(value: unknown): string {
  return stringify(value, reducers);
}

/**
 * Decodes a frame from the server: a message, or a {@link SocketError}.
 * Throws on text that is not devalue.
 *
 * @example
 * ```ts
 * const value = decodeFrame(event.data);
 * if (value instanceof SocketError) showError(value.message);
 * ```
 */
export function decodeFrame(text: string): unknown {
  return parse(text, revivers);
}
