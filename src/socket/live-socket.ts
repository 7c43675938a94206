import ReconnectingWebSocket from 'partysocket/ws';
import { decodeFrame, encodeFrame } from '../shared/websocket/socket-frames.js';
import type { SocketProtocol } from '../shared/websocket/protocol.js';
import { SocketError } from '../shared/websocket/socket-error.js';
import { socketUrl } from './socket-url.js';

/**
 * Where a {@link LiveSocket} stands: connecting (also while waiting to retry), open, or closed by `close()`.
 *
 * @example
 * ```ts
 * const label: Record<SocketStatus, string> = { connecting: 'connecting…', open: 'live', closed: 'offline' };
 * ```
 */
export type SocketStatus = 'connecting' | 'open' | 'closed';

/**
 * When and how often a {@link LiveSocket} tries again after losing its connection.
 *
 * @example
 * ```ts
 * connectSocket('/ws/lobby', { reconnect: { minDelay: 500, maxDelay: 30_000, factor: 2 } });
 * ```
 */
export interface ReconnectOptions {
  /** First delay, in ms; each socket adds up to 50 % at random, so clients dropped together do not return together. @default 1000 */
  minDelay?: number;
  /** Longest delay, in ms. @default 15000 */
  maxDelay?: number;
  /** Each failed attempt multiplies the delay by this. @default 1.5 */
  factor?: number;
  /** An attempt that has not opened after this many ms counts as failed. @default 4000 */
  timeout?: number;
}

/**
 * Options of {@link connectSocket} and `SocketController`.
 *
 * @example
 * ```ts
 * const options: SocketOptions<ChatProtocol> = { onMessage: (message) => console.log(message.type), maxQueued: 20 };
 * ```
 */
export interface SocketOptions<P extends SocketProtocol> {
  /** Each message from the server, decoded and typed. */
  onMessage?: (message: P['server']) => void;
  /** An error frame from the server (the connection stays open), or a frame that could not be decoded. */
  onError?: (error: SocketError) => void;
  /** Every status change; `open` again after each reconnect (a good moment to resend per-connection setup). */
  onStatus?: (status: SocketStatus) => void;
  reconnect?: ReconnectOptions;
  /** Messages sent while disconnected wait for the next connection, up to this many. @default 100 */
  maxQueued?: number;
  /** A WebSocket class, outside browsers. @default globalThis.WebSocket */
  WebSocket?: typeof WebSocket;
}

/**
 * A WebSocket that speaks devalue both ways, typed by a {@link SocketProtocol},
 * and reconnects with exponential backoff. Open one with {@link connectSocket};
 * in a Lit element, use `SocketController`, which opens and closes it with the element.
 *
 * @example
 * ```ts
 * const socket: LiveSocket<ChatProtocol> = connectSocket('/ws/lobby', { onMessage: (m) => console.log(m) });
 * socket.send({ type: 'say', text: 'hi' });
 * socket.close();
 * ```
 */
export interface LiveSocket<P extends SocketProtocol> {
  /** Connecting (also while waiting to retry), open, or closed by {@link close}. */
  readonly status: SocketStatus;
  /**
   * Sends a message. Returns `true` if it went out now, `false` if it waits
   * for the next connection (or was dropped: more than `maxQueued` waiting).
   */
  send(message: P['client']): boolean;
  /** Closes the connection (code 1000) and stops reconnecting. */
  close(): void;
}

/** A {@link LiveSocket} on partysocket's `ReconnectingWebSocket`, which does the reconnecting. */
class ReconnectingSocket<P extends SocketProtocol> implements LiveSocket<P> {
  readonly #socket: ReconnectingWebSocket;
  readonly #options: SocketOptions<P>;
  #status: SocketStatus = 'connecting';

  constructor(url: string | (() => string), options: SocketOptions<P> = {}) {
    this.#options = options;
    const retry = options.reconnect ?? {};
    const minDelay = retry.minDelay ?? 1000;
    this.#socket = new ReconnectingWebSocket(() => socketUrl(typeof url === 'function' ? url() : url), undefined, {
      minReconnectionDelay: minDelay * (1 + Math.random() / 2),
      maxReconnectionDelay: retry.maxDelay ?? 15_000,
      reconnectionDelayGrowFactor: retry.factor ?? 1.5,
      connectionTimeout: retry.timeout ?? 4000,
      maxEnqueuedMessages: options.maxQueued ?? 100,
      ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
    });
    this.#socket.addEventListener('open', () => this.#setStatus('open'));
    // It keeps trying until close() is called, so a lost connection means connecting again.
    this.#socket.addEventListener('close', () => this.#setStatus(this.#socket.shouldReconnect ? 'connecting' : 'closed'));
    this.#socket.addEventListener('message', (event) => this.#receive(event.data));
  }

  get status(): SocketStatus {
    return this.#status;
  }

  send(message: P['client']): boolean {
    if (this.#status === 'closed') throw new Error('litflare: send() on a closed socket; open a new one with connectSocket().');
    return this.#socket.send(encodeFrame(message));
  }

  close(): void {
    this.#socket.close(1000, 'Closed by the client');
    this.#setStatus('closed');
  }

  #setStatus(status: SocketStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#options.onStatus?.(status);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') {
      this.#options.onError?.(new SocketError('The server sent a binary frame; litflare sockets speak devalue text.'));
      return;
    }
    let value: unknown;
    try {
      value = decodeFrame(data);
    } catch (error) {
      this.#options.onError?.(new SocketError(`The server sent a frame that is not devalue: ${String(error)}`));
      return;
    }
    if (value instanceof SocketError) this.#options.onError?.(value);
    else this.#options.onMessage?.(value as P['server']);
  }
}

/**
 * Opens a {@link LiveSocket} to `url` (a path such as `/ws/lobby` resolves
 * against the page, with `ws:`/`wss:` to match `http:`/`https:`).
 *
 * @example
 * ```ts
 * const socket = connectSocket<ChatProtocol>(`/ws/${room}`, {
 *   onMessage: (message) => render(message),
 *   onStatus: (status) => (indicator.textContent = status),
 * });
 * ```
 */
export function connectSocket<P extends SocketProtocol>(url: string | (() => string), options: SocketOptions<P> = {}): LiveSocket<P> {
  return new ReconnectingSocket(url, options);
}
