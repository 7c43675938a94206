import { exports as workerExports } from 'cloudflare:workers';
import type { SocketProtocol } from '../shared/websocket/protocol.js';
import { CookieJar } from './cookie-jar.js';
import { readHydrationData, type HydrationData } from './hydration-data.js';
import { callOverWire, type CallResult, type ServerFunction } from './rpc-call.js';
import { openTestSocket, type TestSocket } from './test-socket.js';

/**
 * Whatever answers requests for the tests: the Worker's default export
 * (`exports.default` of `cloudflare:workers`, the default), `SELF` of
 * `cloudflare:test`, a service binding, or your own function around an app.
 *
 * @example
 * ```ts
 * const target: FetchTarget = { fetch: (request) => app.fetch(request, env, createExecutionContext()) };
 * ```
 */
export interface FetchTarget {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * Options of {@link testClient}.
 *
 * @example
 * ```ts
 * const visitor = testClient(exports.default, { origin: 'https://shop.example', headers: { 'accept-language': 'fr' } });
 * ```
 */
export interface TestClientOptions {
  /** The origin requests go to (and the `Origin` header calls and sockets send). @default 'http://localhost' */
  origin?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * A page as the browser receives it: its status and headers, its whole HTML
 * (every streamed chunk), and its hydration data decoded.
 *
 * @example
 * ```ts
 * const { status, html, hydrationData }: TestPage = await page('/');
 * ```
 */
export interface TestPage {
  status: number;
  headers: Headers;
  html: string;
  hydrationData: HydrationData;
}

/**
 * One visitor: requests, server function calls, pages and sockets that carry
 * the cookies the Worker set (the session, too), as a browser does.
 *
 * @example
 * ```ts
 * const visitor: TestClient = testClient();
 * await visitor.call(signIn, { name: 'Ada' });
 * expect((await visitor.page('/')).html).toContain('Welcome back, Ada');
 * ```
 */
export interface TestClient {
  /** The origin requests go to. */
  readonly origin: string;
  /** Sends a request to a path (or a URL, or a `Request`) of the Worker, with this visitor's cookies; keeps the cookies it sets. */
  fetch(input: string | Request, init?: RequestInit): Promise<Response>;
  /** Calls a server function over the wire, as the browser's proxy does: its result, or the `ServerError` the browser would get. */
  call<Fn extends ServerFunction>(fn: Fn, ...args: Parameters<Fn>): Promise<CallResult<Fn>>;
  /** Loads a page: its status, headers, whole HTML and decoded hydration data. */
  page(path: string, init?: RequestInit): Promise<TestPage>;
  /** Opens a WebSocket to a route (throws unless the Worker answers 101). */
  socket<P extends SocketProtocol = SocketProtocol>(path: string, init?: RequestInit): Promise<TestSocket<P>>;
  /** The value of one of this visitor's cookies. */
  cookie(name: string): string | undefined;
}

const BODYLESS = new Set(['GET', 'HEAD']);

/**
 * A visitor of the Worker under test, with a cookie jar: what the Worker
 * sets (a session, a signed cookie) goes back with the next request, call and
 * socket, as in a browser. It talks to the Worker only over `fetch`, from
 * inside workerd (`@cloudflare/vitest-pool-workers`); `target` defaults to the
 * Worker's default export. Requests other than GET and HEAD, server function
 * calls and sockets send the `Origin` header a browser would.
 *
 * @example
 * ```ts
 * import { testClient } from 'litflare/test';
 *
 * it('remembers who signed', async () => {
 *   const visitor = testClient();
 *   await visitor.call(sign, { name: 'Ada', message: 'Hello' });
 *   expect((await visitor.page('/guestbook')).html).toContain('Welcome back, Ada');
 *   expect((await testClient().page('/guestbook')).html).not.toContain('Welcome back'); // another visitor
 * });
 * ```
 */
export function testClient(target?: FetchTarget, options: TestClientOptions = {}): TestClient {
  const origin = new URL(options.origin ?? 'http://localhost').origin;
  const jar = new CookieJar();
  const answerer = (): FetchTarget => target ?? (workerExports as unknown as { default: FetchTarget }).default;

  const send = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(typeof input === 'string' ? new URL(input, origin) : input, init);
    for (const [name, value] of Object.entries(options.headers ?? {})) if (!request.headers.has(name)) request.headers.set(name, value);
    const path = new URL(request.url).pathname;
    const cookies = jar.header(path);
    if (cookies !== '' && !request.headers.has('cookie')) request.headers.set('cookie', cookies);
    const upgrade = request.headers.get('upgrade')?.toLowerCase() === 'websocket';
    if ((upgrade || !BODYLESS.has(request.method)) && !request.headers.has('origin')) request.headers.set('origin', origin);
    const response = await answerer().fetch(request);
    jar.store(response);
    return response;
  };

  return {
    origin,
    fetch: send,
    call: <Fn extends ServerFunction>(fn: Fn, ...args: Parameters<Fn>) => callOverWire(send, fn, args) as Promise<CallResult<Fn>>,
    async page(path, init) {
      const response = await send(path, init);
      const html = await response.text();
      return { status: response.status, headers: response.headers, html, hydrationData: readHydrationData(html) };
    },
    async socket<P extends SocketProtocol>(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      headers.set('upgrade', 'websocket');
      const response = await send(path, { ...init, headers });
      if (response.status !== 101 || response.webSocket === null) {
        throw new Error(`litflare/test: socket(${JSON.stringify(path)}): the Worker answered ${response.status}, not 101: ${(await response.text()).slice(0, 500)}`);
      }
      return openTestSocket<P>(response.webSocket, path);
    },
    cookie: (name) => jar.get(name),
  };
}
