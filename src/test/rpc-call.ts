import { parse, stringify } from 'devalue';
import {
  END,
  ERROR,
  ITEM,
  REDIRECT,
  RPC_ANSWER_CONTENT_TYPE,
  RPC_CONTENT_TYPE,
  RPC_PATH,
  RPC_REDIRECT_HEADER,
  RPC_STREAM_CONTENT_TYPE,
  serverFnMeta,
  type ServerFnMeta,
  type WireError,
} from '../shared/rpc/protocol.js';
import { ServerError } from '../shared/server-error.js';
import { Redirected } from './redirected.js';

/**
 * A server function, as a test imports it from its `*.server.ts` module.
 *
 * @example
 * ```ts
 * const fn: ServerFunction = sign; // from '../worker/guestbook.server.js'
 * ```
 */
export type ServerFunction = (...args: never[]) => unknown;

/**
 * What calling a server function over the wire gives: its awaited result, or
 * for a streamed result (an async generator, an async iterable or a
 * `ReadableStream`) an async generator of its items, read as they arrive.
 *
 * @example
 * ```ts
 * const items: CallResult<typeof countdown> = await call(countdown, 3); // AsyncGenerator<number>
 * ```
 */
export type CallResult<Fn extends ServerFunction> =
  Awaited<ReturnType<Fn>> extends ReadableStream<infer Item>
    ? AsyncGenerator<Item, void, undefined>
    : Awaited<ReturnType<Fn>> extends AsyncIterable<infer Item>
      ? AsyncGenerator<Item, void, undefined>
      : Awaited<ReturnType<Fn>>;

/** Sends one request of a call: `send(path, init)`. */
export type Send = (path: string, init: RequestInit) => Promise<Response>;

/**
 * Calls `fn` as the browser's proxy does (the path, the content type, the
 * arguments encoded with devalue, GET in the query for `method: 'GET'`
 * functions) and decodes the answer as the proxy does.
 *
 * @example
 * ```ts
 * const entry = await callOverWire((path, init) => client.fetch(path, init), sign, ['Ada']);
 * ```
 */
export async function callOverWire(send: Send, fn: ServerFunction, args: readonly unknown[]): Promise<unknown> {
  const meta = serverFnMeta(fn);
  if (meta === undefined) {
    throw new TypeError(
      `litflare/test: call(${fn.name || 'fn'}): not a server function. Import it from its *.server.ts module ` +
        "(in a folder of litflareTest({ serverDirs }), 'worker' by default).",
    );
  }
  const encoded = stringify(args);
  const get = meta.method === 'GET';
  const path = `${RPC_PATH}${meta.id}${get ? `?args=${encodeURIComponent(encoded)}` : ''}`;
  const response = await send(path, get ? { method: 'GET' } : { method: 'POST', headers: { 'content-type': RPC_CONTENT_TYPE }, body: encoded });
  return decodeAnswer(meta, response);
}

async function decodeAnswer(meta: ServerFnMeta, response: Response): Promise<unknown> {
  const location = response.headers.get(RPC_REDIRECT_HEADER);
  if (location !== null) throw new Redirected(location);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith(RPC_STREAM_CONTENT_TYPE) && response.body !== null) return readFrames(response.body);
  const text = await response.text();
  const unexpected = () =>
    new ServerError(response.status >= 400 ? response.status : 502, `${meta.name}: unexpected answer (${response.status} ${type}): ${text.slice(0, 500)}`);
  if (!type.startsWith(RPC_ANSWER_CONTENT_TYPE)) throw unexpected();
  let payload: unknown;
  try {
    payload = parse(text);
  } catch {
    throw unexpected();
  }
  if (!response.ok) {
    const { message, data } = payload as Omit<WireError, 'status'>;
    throw new ServerError(response.status, message, data);
  }
  return payload;
}

/** The items of a streamed answer; stopping early cancels the response, as the browser does. */
async function* readFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const newline = buffered.indexOf('\n');
      if (newline === -1) {
        const { done, value } = await reader.read();
        if (done) throw new ServerError(502, 'The stream ended early.');
        buffered += decoder.decode(value, { stream: true });
        continue;
      }
      const frame = parse(buffered.slice(0, newline)) as [number, unknown?];
      buffered = buffered.slice(newline + 1);
      if (frame[0] === ITEM) yield frame[1];
      else if (frame[0] === END) return;
      else if (frame[0] === REDIRECT) throw new Redirected(String(frame[1]));
      else if (frame[0] === ERROR) {
        const error = frame[1] as WireError;
        throw new ServerError(error.status, error.message, error.data);
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
