/**
 * The messages of one WebSocket protocol, in both directions: what clients
 * send (`client`) and what the server sends (`server`); and, optionally, what
 * the Worker tells the Durable Object about each connection (`props`, from
 * `app.websocket(…, { props })`, which no client can send). The Durable Object
 * (`SocketServer<P>`), the route and the browser (`SocketController<P>`) are
 * typed with the same `P`, so no side can send what another does not expect.
 *
 * @example
 * ```ts
 * interface ChatProtocol extends SocketProtocol {
 *   client: { type: 'say'; text: string };
 *   server: { type: 'message'; author: string; text: string; at: Date };
 *   props: { user: string | undefined };
 * }
 * ```
 */
export interface SocketProtocol {
  client: unknown;
  server: unknown;
  props?: unknown;
}
