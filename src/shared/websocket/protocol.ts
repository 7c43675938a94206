/**
 * The messages of one WebSocket protocol, in both directions: what clients
 * send (`client`) and what the server sends (`server`). The Durable Object
 * (`SocketServer<P>`) and the browser (`SocketController<P>`) are typed with the
 * same `P`, so neither side can send what the other does not expect.
 *
 * @example
 * ```ts
 * interface ChatProtocol extends SocketProtocol {
 *   client: { type: 'say'; text: string };
 *   server: { type: 'message'; author: string; text: string; at: Date };
 * }
 * ```
 */
export interface SocketProtocol {
  client: unknown;
  server: unknown;
}
