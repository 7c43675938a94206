import type { SocketProtocol } from '../shared/websocket/protocol.js';
import { SocketError } from '../shared/websocket/socket-error.js';
import { decodeFrame, encodeFrame } from '../shared/websocket/socket-frames.js';

/**
 * A WebSocket to the Worker, typed by the route's {@link SocketProtocol} as
 * `SocketController` is in the browser: messages decoded with devalue, in the
 * order they arrive.
 *
 * @example
 * ```ts
 * const ws: TestSocket<ChatProtocol> = await socket<ChatProtocol>('/ws/lobby');
 * ws.send({ type: 'say', text: 'hi' });
 * expect(await ws.next()).toMatchObject({ type: 'message' });
 * ws.close();
 * ```
 */
export interface TestSocket<P extends SocketProtocol = SocketProtocol> {
  /**
   * The next message from the server. An error frame rejects with its
   * `SocketError`; no frame within `timeout` ms (default 3000) rejects too.
   */
  next(options?: { timeout?: number }): Promise<P['server']>;
  /** Sends a message as the browser would (devalue). */
  send(message: P['client']): void;
  /** Sends a raw frame (what a hand-written client could send). */
  sendRaw(frame: string | ArrayBuffer): void;
  /** Resolves with the close code and reason, when the server closes the socket (or the connection ends). */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Closes the socket (code 1000 unless given). */
  close(code?: number, reason?: string): void;
}

type Frame = { message: unknown } | { error: SocketError };

/**
 * A {@link TestSocket} over the WebSocket of a 101 answer.
 *
 * @example
 * ```ts
 * const ws = openTestSocket(response.webSocket!, '/ws/lobby');
 * ```
 */
export function openTestSocket<P extends SocketProtocol>(ws: WebSocket, path: string): TestSocket<P> {
  ws.accept();
  const frames: Frame[] = [];
  const waiting: ((frame: Frame) => void)[] = [];
  const arrive = (frame: Frame) => {
    const waiter = waiting.shift();
    if (waiter === undefined) frames.push(frame);
    else waiter(frame);
  };
  ws.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') {
      arrive({ error: new SocketError('The server sent a binary frame; litflare sockets speak devalue text.') });
      return;
    }
    let value: unknown;
    try {
      value = decodeFrame(event.data);
    } catch (error) {
      arrive({ error: new SocketError(`The server sent a frame that is not devalue: ${String(error)}`) });
      return;
    }
    arrive(value instanceof SocketError ? { error: value } : { message: value });
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }));
    ws.addEventListener('error', () => resolve({ code: 1006, reason: 'The connection failed' }));
  });
  const nextFrame = (timeout: number) => {
    const queued = frames.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<Frame>((resolve, reject) => {
      const done = (frame: Frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(done), 1);
        reject(new Error(`litflare/test: no message from ${path} within ${timeout} ms`));
      }, timeout);
      waiting.push(done);
    });
  };
  return {
    async next(options = {}) {
      const frame = await nextFrame(options.timeout ?? 3000);
      if ('error' in frame) throw frame.error;
      return frame.message as P['server'];
    },
    send: (message) => ws.send(encodeFrame(message)),
    sendRaw: (frame) => ws.send(frame),
    closed,
    close: (code = 1000, reason = '') => ws.close(code, reason),
  };
}
