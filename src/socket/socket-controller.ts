import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { SocketProtocol } from '../shared/websocket/protocol.js';
import type { SocketError } from '../shared/websocket/socket-error.js';
import { connectSocket, type LiveSocket, type SocketOptions, type SocketStatus } from './live-socket.js';

/**
 * A Lit reactive controller that keeps a typed, reconnecting WebSocket open
 * while its element is in the document: it connects in `connectedCallback`,
 * closes cleanly (code 1000) in `disconnectedCallback`, and re-renders the
 * element when {@link status} or {@link error} change.
 *
 * Components render on the server too; this controller never connects there
 * (Lit's server renderer does not run `connectedCallback`, and it checks
 * `isServer` as well), so importing it from `litflare/socket` is safe in both
 * places. Its {@link status} is `connecting` there, as it is in the browser's
 * first render, so a status badge hydrates showing what the server sent.
 *
 * @example
 * ```ts
 * class ChatRoom extends LitElement {
 *   @property() room = 'lobby';
 *   @property({ attribute: false }) messages: ChatMessage[] = [];
 *   #socket = new SocketController<ChatProtocol>(this, () => `/ws/${this.room}`, {
 *     onMessage: (message) => { if (message.type === 'message') this.messages = [...this.messages, message.message]; },
 *   });
 *   render() { return html`<p>${this.#socket.status}</p>…`; }
 *   #say(text: string) { this.#socket.send({ type: 'say', text }); }
 * }
 * ```
 */
export class SocketController<P extends SocketProtocol> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #url: string | (() => string);
  readonly #options: SocketOptions<P>;
  #socket: LiveSocket<P> | undefined;
  // `connecting` before the element connects, and so during server rendering:
  // the browser's first render (with the socket just opened) then shows what
  // the server rendered, and a template per status hydrates without a mismatch.
  #status: SocketStatus = 'connecting';
  #error: SocketError | undefined;

  /** `url` may be a function, read at each connect (e.g. from the element's properties). */
  constructor(host: ReactiveControllerHost, url: string | (() => string), options: SocketOptions<P> = {}) {
    this.#host = host;
    this.#url = url;
    this.#options = options;
    host.addController(this);
  }

  /**
   * `connecting` until the socket opens (also while the server renders the
   * element, and before it is connected), then `open`, `connecting` again
   * while it reconnects, and `closed` once the element has left the page.
   */
  get status(): SocketStatus {
    return this.#status;
  }

  /** The server's last error frame, until the next message arrives. */
  get error(): SocketError | undefined {
    return this.#error;
  }

  hostConnected(): void {
    if (isServer || this.#socket !== undefined) return;
    this.#socket = connectSocket<P>(this.#url, {
      ...this.#options,
      onMessage: (message) => {
        this.#error = undefined;
        this.#options.onMessage?.(message);
        this.#host.requestUpdate();
      },
      onError: (error) => {
        this.#error = error;
        this.#options.onError?.(error);
        this.#host.requestUpdate();
      },
      onStatus: (status) => {
        this.#status = status;
        this.#options.onStatus?.(status);
        this.#host.requestUpdate();
      },
    });
    this.#status = this.#socket.status;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#socket?.close();
    this.#socket = undefined;
  }

  /**
   * Sends a message: `true` if it went out now, `false` if it waits for the
   * connection. Throws while the element is not connected (or on the server).
   */
  send(message: P['client']): boolean {
    if (this.#socket === undefined) {
      throw new Error('litflare: SocketController.send() while its element is not connected (or during server rendering).');
    }
    return this.#socket.send(message);
  }
}
