// `litflare/test`: helpers for an app's tests inside workerd
// (@cloudflare/vitest-pool-workers). They talk to the Worker only over fetch,
// as a browser does: server function calls on the real wire, pages with their
// hydration data, WebSockets with typed messages, a cookie jar for sessions.
import { testClient, type FetchTarget, type TestClient, type TestClientOptions, type TestPage } from './test-client.js';
import type { CallResult, ServerFunction } from './rpc-call.js';
import type { SocketProtocol } from '../shared/websocket/protocol.js';
import type { TestSocket } from './test-socket.js';

export { testClient, type FetchTarget, type TestClient, type TestClientOptions, type TestPage };
export type { CallResult, ServerFunction } from './rpc-call.js';
export type { HydrationData, PageElementProps, ServerDataResult } from './hydration-data.js';
export type { TestSocket } from './test-socket.js';
export { Redirected } from './redirected.js';

/**
 * Calls a server function over the wire, as the browser's proxy does, from a
 * new visitor without cookies: resolves with what the browser would get (a
 * `Date` stays a `Date`; a streamed result is an async generator), rejects
 * with the `ServerError` it would get (status, message, data), or with
 * {@link Redirected} when the function called `redirect()`.
 *
 * @example
 * ```ts
 * import { call } from 'litflare/test';
 * import { sign } from '../worker/guestbook.server.js';
 *
 * const entry = await call(sign, 'Ada');
 * await expect(call(sign, '')).rejects.toMatchObject({ status: 400 });
 * for await (const n of await call(countdown, 3)) seen.push(n);
 * ```
 */
export function call<Fn extends ServerFunction>(fn: Fn, ...args: Parameters<Fn>): Promise<CallResult<Fn>> {
  return testClient().call(fn, ...args);
}

/**
 * Loads a page of the Worker's default export as a new visitor: its status,
 * headers, whole HTML (streamed parts included) and decoded hydration data.
 *
 * @example
 * ```ts
 * import { page } from 'litflare/test';
 *
 * const home = await page('/');
 * expect(home.status).toBe(200);
 * expect(home.html).toContain('<guest-book');
 * expect(home.hydrationData.elements[0]?.props.entries).toEqual([]);
 * ```
 */
export function page(path: string, init?: RequestInit): Promise<TestPage> {
  return testClient().page(path, init);
}

/**
 * Opens a WebSocket to a route of the Worker's default export as a new
 * visitor, typed by its protocol; throws unless the answer is a 101.
 *
 * @example
 * ```ts
 * import { socket } from 'litflare/test';
 *
 * const ws = await socket<ChatProtocol>('/ws/lobby');
 * ws.send({ type: 'say', text: 'hi' });
 * expect(await ws.next()).toMatchObject({ type: 'message' });
 * ws.close();
 * ```
 */
export function socket<P extends SocketProtocol = SocketProtocol>(path: string, init?: RequestInit): Promise<TestSocket<P>> {
  return testClient().socket<P>(path, init);
}
