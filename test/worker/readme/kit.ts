import { env } from 'cloudflare:workers';
import { configureRpc } from 'litflare';
import { testClient, type TestSocket } from 'litflare/test';
import type { LitflareApp } from 'litflare/worker';
import { proxyFor } from '../fixtures/rpc-client.js';
import { ORIGIN, send } from '../fixtures/send.js';

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
  /** Opens a WebSocket to the example's app, with the same cookies. */
  socket(path: string): Promise<TestSocket>;
}

/**
 * The helpers for one example's check, around its app: one visitor of
 * litflare/test (its cookie jar), whose server function calls go through the
 * browser's own proxy, so the examples exercise the client runtime too.
 */
export function kit(app: Pick<LitflareApp, 'fetch'> | undefined): ReadmeKit {
  const visitor = testClient(
    {
      fetch(request) {
        if (app === undefined) throw new Error('this example has no worker/index.ts, so there is no app to send requests to');
        return send(app, request.url, request);
      },
    },
    { origin: ORIGIN },
  );
  configureRpc({ baseUrl: ORIGIN, fetch: (input, init) => visitor.fetch(new Request(input, init)) });
  return {
    get: (path, init) => visitor.fetch(path, init),
    async call<Args extends unknown[], Result>(fn: (...args: Args) => Result, ...args: Args): Promise<Awaited<Result>> {
      return await proxyFor(fn)(...args);
    },
    assert(condition, message): asserts condition {
      if (!condition) throw new Error(message);
    },
    includes(text, fragment) {
      if (!text.includes(fragment)) throw new Error(`expected ${JSON.stringify(fragment)} in:\n${text.slice(0, 4000)}`);
    },
    socket: (path) => visitor.socket(path),
  };
}

export { env };
