import { Server, type Connection, type ConnectionContext, type WSMessage } from 'partyserver';
import type { StandardSchemaV1 } from '../../shared/validation/standard-schema.js';
import { encodeFrame } from '../../shared/websocket/socket-frames.js';
import type { SocketProtocol } from '../../shared/websocket/protocol.js';
import { isSocketError, SocketError } from '../../shared/websocket/socket-error.js';
import { deliberateError } from '../errors/error-status.js';
import { redirectLocation } from '../errors/redirect.js';
import { decodeWithin } from '../decode/decode.js';
import { describeRefusal } from '../decode/measure.js';
import { isTooBig } from './message-size.js';
import { decodeProps, PROPS_HEADER, PROPS_KEY, propsText } from './props.js';
import { validateMessage } from './validate.js';

/** How deep a message may nest (arrays, objects, maps, sets), as server function arguments. */
const MAX_MESSAGE_DEPTH = 64;

/**
 * Options of {@link SocketServer.publish}.
 *
 * @example
 * ```ts
 * this.publish({ type: 'typing', name }, { except: connection, tag: 'editors' });
 * ```
 */
export interface PublishOptions {
  /** Leave out this connection (or the connection with this id), e.g. the sender. */
  except?: Connection | string;
  /** Only connections tagged with this (see partyserver's `getConnectionTags`). */
  tag?: string;
}

/**
 * A Durable Object that serves WebSockets with the hibernation API: idle
 * connections stay open while the object is evicted from memory, and cost
 * nothing. It is a partyserver `Server` (which creates the `WebSocketPair`,
 * accepts it with `ctx.acceptWebSocket`, tags it, and keeps per-connection
 * state in its attachment: `connection.setState()` / `connection.state`,
 * which survive hibernation), with hibernation always on and messages typed by
 * a {@link SocketProtocol} and encoded with devalue both ways.
 *
 * Implement {@link receive} (not partyserver's `onMessage`, which decodes for
 * it). A message over {@link maxMessageBytes} closes its connection with 1009; one
 * that is not devalue, nests more than 64 levels deep, is larger than
 * {@link maxMessageSize} written out in full, or fails {@link input}, gets an
 * error frame and the connection stays open; a {@link SocketError} or
 * `ServerError` (or Hono `HTTPException`) thrown by `receive` or `onConnect`
 * goes to that client only as a `SocketError` with its status, anything else
 * as a 500 "Internal error" (a `redirect()` too: a message cannot navigate its
 * sender; send it a message saying where to go instead).
 *
 * @example
 * ```ts
 * export class ChatRoom extends SocketServer<ChatProtocol, { typing: boolean }> {
 *   override onConnect(connection: Connection) {
 *     this.send(connection, { type: 'hello', online: [...this.getConnections()].length });
 *   }
 *   override receive(connection: Connection<{ typing: boolean }>, message: ChatProtocol['client']) {
 *     if (message.type === 'typing') connection.setState({ typing: true }); // survives hibernation
 *     // Who wrote it: what the Worker's route said (the session's user), never what the client says.
 *     else this.publish({ type: 'message', author: this.props(connection)?.user ?? 'guest', text: message.text });
 *   }
 * }
 * ```
 */
export abstract class SocketServer<
  P extends SocketProtocol,
  State = unknown,
  Env extends Cloudflare.Env = Cloudflare.Env,
> extends Server<Env> {
  static override options = { hibernate: true };

  /** The largest message a client may send, in bytes; a bigger one closes its connection with code 1009. */
  maxMessageBytes = 65_536;

  /**
   * The largest a decoded message may be written out in full: every shared
   * reference expanded, every array slot counted (holes too), 1 per value plus
   * 1 per character, digit or byte (as `createApp({ rpc: { maxArgSize } })`
   * measures arguments). Checked before the message is decoded; a bigger one
   * gets an error frame. Undefined: {@link maxMessageBytes}, which a message
   * without shared references or holes never passes.
   */
  maxMessageSize: number | undefined = undefined;

  /** A Standard Schema (zod, valibot, …) every client message must pass before {@link receive} sees it. */
  input: StandardSchemaV1<unknown, P['client']> | undefined = undefined;

  /** Upgrades that reached onConnect (see {@link fetch}). */
  readonly #reachedConnect = new WeakSet<Request>();

  /** Props already decoded, by connection (a new object after hibernation: decoded again then). */
  readonly #props = new WeakMap<object, { value: unknown }>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // partyserver answers an exception in onConnect with a JSON frame holding
    // the stack (not devalue, and no secret in production) on a second socket,
    // leaving the first one accepted; litflare answers like any other failure.
    const onConnect = this.onConnect;
    this.onConnect = async (connection: Connection, context: ConnectionContext) => {
      this.#reachedConnect.add(context.request);
      try {
        keepProps(connection, propsText(context.request.headers.get(PROPS_HEADER)));
        await onConnect.call(this, connection, context);
      } catch (error) {
        this.#fail(connection, error);
        connection.close(1011, 'The server could not set up this connection');
      }
    };
  }

  /**
   * partyserver's upgrade, minus its own failure answer: an exception before
   * onConnect (in `onStart`, `getConnectionTags`, reading its headers) gets a
   * 101 whose socket carries a JSON frame with the stack — file paths and all,
   * in production too. Such an upgrade gets litflare's answer instead: an
   * "Internal error" frame and close 1011 (partyserver has logged the error).
   */
  override async fetch(request: Request): Promise<Response> {
    const response = await super.fetch(request);
    if (response.status !== 101 || this.#reachedConnect.has(request)) return response;
    const { 0: client, 1: server } = new WebSocketPair();
    server.accept();
    server.send(encodeFrame(new SocketError('Internal error', undefined, 500)));
    server.close(1011, 'The server could not set up this connection');
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * What the Worker's route decided about this connection (`app.websocket(…,
   * { props })`, e.g. the signed-in user): `undefined` when the route gives
   * none. No client can set or change them; they last as long as the
   * connection, hibernation included. Read them in `onConnect` and `receive`.
   *
   * @example
   * ```ts
   * override receive(connection: Connection<Member>, message: ChatProtocol['client']) {
   *   const user = this.props(connection)?.user; // from the session, never from the message
   *   if (user === undefined) throw new SocketError('Sign in to write.');
   * }
   * ```
   */
  props(connection: Connection): P['props'] | undefined {
    const known = this.#props.get(connection);
    if (known !== undefined) return known.value as P['props'] | undefined;
    const text = (WebSocket.prototype.deserializeAttachment.call(connection) as Record<string, unknown> | null)?.[PROPS_KEY];
    const value = typeof text === 'string' ? decodeProps(text) : undefined;
    this.#props.set(connection, { value });
    return value as P['props'] | undefined;
  }

  /** Handles one message from a client, decoded (and validated, with {@link input}). */
  abstract receive(connection: Connection<State>, message: P['client']): void | Promise<void>;

  /** Decodes a client's frame for {@link receive}; override `receive`, not this. */
  override async onMessage(connection: Connection, frame: WSMessage): Promise<void> {
    if (isTooBig(frame, this.maxMessageBytes)) {
      connection.close(1009, `Message too big: the limit is ${this.maxMessageBytes} bytes`);
      return;
    }
    if (typeof frame !== 'string') {
      this.sendError(connection, new SocketError('Binary messages are not accepted: send devalue text.'));
      return;
    }
    let decoded: ReturnType<typeof decodeWithin>;
    try {
      decoded = decodeWithin(frame, { maxDepth: MAX_MESSAGE_DEPTH, maxSize: this.maxMessageSize ?? this.maxMessageBytes, sizeSetting: 'maxMessageSize' });
    } catch (error) {
      this.sendError(connection, new SocketError(`Undecodable message (not devalue): ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if ('refused' in decoded) {
      this.sendError(connection, new SocketError(describeRefusal(decoded.refused, 'The message', false)));
      return;
    }
    try {
      const message = this.input === undefined ? (decoded.value as P['client']) : await validateMessage(this.input, decoded.value);
      await this.receive(connection as Connection<State>, message);
    } catch (error) {
      this.#fail(connection, error);
    }
  }

  /**
   * Sends a message to one connection.
   *
   * @example
   * ```ts
   * this.send(connection, { type: 'history', messages: this.history.recent(50) });
   * ```
   */
  send(connection: Connection, message: P['server']): void {
    connection.send(encodeFrame(message));
  }

  /**
   * Sends an error frame to one connection; the client gets it as a
   * `SocketError` (not as a message), and the connection stays open.
   *
   * @example
   * ```ts
   * this.sendError(connection, new SocketError('That name is taken.', { name }));
   * ```
   */
  sendError(connection: Connection, error: SocketError): void {
    connection.send(encodeFrame(error));
  }

  /**
   * Sends a message to every open connection (or those with a tag, or all but
   * one), encoding it once. Returns how many connections it was sent to.
   *
   * @example
   * ```ts
   * this.publish({ type: 'message', message: saved });
   * this.publish({ type: 'typing', name }, { except: connection });
   * ```
   */
  publish(message: P['server'], options: PublishOptions = {}): number {
    const frame = encodeFrame(message);
    const except = typeof options.except === 'string' ? options.except : options.except?.id;
    let sent = 0;
    for (const connection of this.getConnections(options.tag)) {
      if (connection.id === except) continue;
      try {
        connection.send(frame);
        sent++;
      } catch {
        // Closed between the listing and the send: it no longer wants messages.
      }
    }
    return sent;
  }

  #fail(connection: Connection, error: unknown): void {
    if (isSocketError(error)) {
      this.sendError(connection, error);
      return;
    }
    const deliberate = deliberateError(error);
    if (deliberate !== undefined) {
      if (deliberate.status >= 500) console.error(`litflare: ${this.constructor.name} failed on a WebSocket connection`, error);
      this.sendError(connection, new SocketError(deliberate.message, deliberate.data, deliberate.status));
      return;
    }
    const location = redirectLocation(error);
    console.error(
      location === undefined
        ? `litflare: ${this.constructor.name} failed on a WebSocket connection`
        : `litflare: ${this.constructor.name} called redirect(${JSON.stringify(location)}) for a WebSocket message, which ` +
            'cannot navigate its client: send the client a message saying where to go instead.',
      error,
    );
    const detail = import.meta.env.DEV && error instanceof Error ? `: ${error.message}` : '';
    this.sendError(connection, new SocketError(`Internal error${detail}`, undefined, 500));
  }
}

/**
 * Keeps a connection's props in its WebSocket attachment, where partyserver
 * keeps its own data (`__pk`) and the connection's state (`__user`): it
 * survives hibernation, and partyserver's writes keep keys they do not know.
 * partyserver caches the attachment once it is first read; at onConnect it has
 * not been yet, and a write through partyserver's own API checks that the
 * props stayed (a later partyserver that read it before would drop them).
 */
function keepProps(connection: Connection, text: string | undefined): void {
  if (text === undefined) return;
  const attachment = (WebSocket.prototype.deserializeAttachment.call(connection) as Record<string, unknown> | null) ?? {};
  WebSocket.prototype.serializeAttachment.call(connection, { ...attachment, [PROPS_KEY]: text });
  connection.setState(connection.state);
  const kept = (WebSocket.prototype.deserializeAttachment.call(connection) as Record<string, unknown> | null)?.[PROPS_KEY];
  if (kept !== text) throw new Error("litflare: partyserver dropped the connection's props from its attachment; this partyserver version is not supported.");
}
