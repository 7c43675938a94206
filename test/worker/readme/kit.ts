import { env } from 'cloudflare:workers';
import type { LitflareApp } from 'litflare/worker';
import { proxyFor, useApp } from '../fixtures/rpc-client.js';
import { cookieHeader, ORIGIN, send } from '../fixtures/send.js';
import { openSocket, type TestSocket } from '../fixtures/socket-client.js';

/** What a README example's check can use (see test/support/readme-examples.ts). */
export interface ReadmeKit {
  /** Sends a request to the example's app as a browser would, cookies included (they are kept between calls). */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Calls a server function through the browser's proxy, over the wire, with the same cookies. */
  call<Args extends unknown[], Result>(fn: (...args: Args) => Result, ...args: Args): Promise<Awaited<Result>>;
  /** Throws `message` unless `condition`. */
  assert(condition: unknown, message: string): asserts condition;
  /** Throws unless `text` contains `fragment`, showing the text. */
  includes(text: string, fragment: string): void;
  /** Opens a WebSocket to the example's app. */
  socket(path: string): Promise<TestSocket>;
}

/** The helpers for one example's check, around its app. */
export function kit(app: Pick<LitflareApp, 'fetch'> | undefined): ReadmeKit {
  const jar = { cookie: '' };
  const theApp = (): Pick<LitflareApp, 'fetch'> => {
    if (app === undefined) throw new Error('this example has no worker/index.ts, so there is no app to send requests to');
    return app;
  };
  if (app !== undefined) useApp(app, { jar, origin: ORIGIN });
  return {
    async get(path, init = {}) {
      const headers = new Headers(init.headers);
      if (jar.cookie !== '' && !headers.has('cookie')) headers.set('cookie', jar.cookie);
      const response = await send(theApp(), path, { ...init, headers });
      jar.cookie = cookieHeader(response, jar.cookie);
      return response;
    },
    async call<Args extends unknown[], Result>(fn: (...args: Args) => Result, ...args: Args): Promise<Awaited<Result>> {
      theApp();
      return await proxyFor(fn)(...args);
    },
    assert(condition, message): asserts condition {
      if (!condition) throw new Error(message);
    },
    includes(text, fragment) {
      if (!text.includes(fragment)) throw new Error(`expected ${JSON.stringify(fragment)} in:\n${text.slice(0, 4000)}`);
    },
    socket(path) {
      return openSocket(path, jar.cookie === '' ? {} : { cookie: jar.cookie }, (request) => send(theApp(), request.url, request));
    },
  };
}

export { env };
