import { parse, stringify } from 'devalue';
import { ServerError, serverFnMeta } from 'litflare';
import { describe, expect, it } from 'vitest';
import demo from '../../worker/index.js';
import { signIn } from '../../worker/auth.server.js';
import { ticks } from '../../worker/feed.server.js';
import { forecast } from '../../worker/forecast.server.js';
import { deleteFile, uploadFile } from '../../worker/platform.server.js';
import { addTodo, removeTodo, setDone } from '../../worker/todos.server.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import { cookieHeader, send } from './fixtures/send.js';

// The demo's server functions model what an app should do: every one checks
// its input, so a caller's mistake (or an attacker's probe) is a 4xx that says
// what is wrong, never a 500 from deep inside D1, R2 or a lookup.

/** Calls a demo server function over HTTP, as its browser proxy would. */
const call = (fn: unknown, args: unknown[], cookie = '') =>
  send(demo, `/_lf/rpc/${serverFnMeta(fn)!.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json', cookie },
    body: stringify(args),
  });

/** The status, and what a user is told: the schema's first issue, else the message. */
async function answer(response: Response): Promise<{ status: number; says: string }> {
  const body = parse(await response.text()) as { message: string; data?: { issues?: { message: string }[] } };
  return { status: response.status, says: body.data?.issues?.[0]?.message ?? body.message };
}

const signedIn = async (name: string) => cookieHeader(await call(signIn, [{ name }]));

describe('the demo’s server functions refuse bad input with a 4xx that says why', () => {
  it('forecast: a city named like an Object.prototype member is unknown (404), and a name that is not one is a 400', async () => {
    for (const city of ['constructor', '__proto__', 'hasOwnProperty', 'toString']) {
      expect(await answer(await call(forecast, [city]))).toEqual({ status: 404, says: `No forecast for ${city}.` });
    }
    expect(await answer(await call(forecast, [42]))).toEqual({ status: 400, says: 'A city is a name.' });
    expect(await answer(await call(forecast, ['x'.repeat(61)]))).toEqual({ status: 400, says: 'City names are at most 60 characters.' });
    expect(await answer(await call(forecast, [' ']))).toEqual({ status: 400, says: 'Name a city.' });
    const oslo = await call(forecast, ['Oslo']);
    expect(oslo.status).toBe(200);
    expect(parse(await oslo.text())).toMatchObject({ city: 'Oslo', summary: 'Snow showers' });
  });

  it('setDone and removeTodo: an id that is not a todo id, or a flag that is not a boolean, is a 400', async () => {
    const cookie = await signedIn(`input ${crypto.randomUUID().slice(0, 8)}`);
    const refused = async (fn: unknown, args: unknown[]) => answer(await call(fn, args, cookie));
    expect(await refused(setDone, [new Map([['id', 1]])])).toEqual({ status: 400, says: 'Invalid key: Expected "id" but received undefined' });
    expect(await refused(setDone, [{ id: 1.5, done: true }])).toEqual({ status: 400, says: 'A todo id is a whole number.' });
    expect(await refused(setDone, [{ id: -1, done: true }])).toEqual({ status: 400, says: 'A todo id is positive.' });
    expect(await refused(setDone, [{ id: 1, done: 'yes' }])).toEqual({ status: 400, says: '`done` is true or false.' });
    expect(await refused(setDone, [1, true])).toEqual({ status: 400, says: 'setDone takes at most 1 argument(s), got 2.' });
    expect(await refused(removeTodo, [{ id: '1 OR 1=1' }])).toEqual({ status: 400, says: 'A todo id is a number.' });
    expect(await refused(removeTodo, [{ id: 2n ** 64n }])).toEqual({ status: 400, says: 'A todo id is a number.' });
    expect(await refused(setDone, [{ id: '1', done: 'maybe' }])).toEqual({ status: 400, says: '`done` is true or false.' });

    const todo = parse(await (await call(addTodo, [{ title: 'checked input' }], cookie)).text()) as { id: number };
    const done = await call(setDone, [{ id: todo.id, done: true }], cookie);
    expect(done.status).toBe(200);
    expect(parse(await done.text())).toMatchObject({ id: todo.id, done: true });
    // As a form sends them: text.
    const undone = await call(setDone, [{ id: String(todo.id), done: 'false' }], cookie);
    expect(parse(await undone.text())).toMatchObject({ id: todo.id, done: false });
    expect((await call(removeTodo, [{ id: todo.id }], cookie)).status).toBe(200);
  });

  it('uploadFile and deleteFile: a file that is not a media type, a name with control characters, a key not ours are 400s', async () => {
    // uploadFile is a form action: the file arrives in a multipart body, as a File.
    const upload = (name: string, type: string) => {
      const form = new FormData();
      form.set('file', new File(['hello'], name, { type }));
      return send(demo, `/_lf/rpc/${serverFnMeta(uploadFile)!.id}`, { method: 'POST', body: form });
    };
    /** A multipart body written by hand: a Content-Type no File would keep. */
    const rawUpload = (type: string) =>
      send(demo, `/_lf/rpc/${serverFnMeta(uploadFile)!.id}`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=b0' },
        body: `--b0\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: ${type}\r\n\r\nhello\r\n--b0--\r\n`,
      });
    for (const type of ['not a type', 'text/plain; \u0001']) {
      expect(await answer(await rawUpload(type))).toEqual({ status: 400, says: 'The file type is not a media type.' });
    }
    for (const name of ['tab\there.txt', 'nul\u0000.txt', 'del\u007f.txt', 'esc\u001b.txt']) {
      // Refused by the schema, or by the Workers runtime's multipart parser before it (a tab in a part's header).
      const { status, says } = await answer(await upload(name, 'text/plain'));
      expect(status).toBe(400);
      expect(['File names cannot hold control characters.', 'The form could not be decoded (FormData part had invalid headers.).']).toContain(says);
    }
    expect(await answer(await call(uploadFile, [{ file: 'not a file' }]))).toEqual({ status: 400, says: 'Choose a file.' });
    for (const key of ['k'.repeat(2048), '../secret', '']) {
      expect(await answer(await call(deleteFile, [{ key }]))).toEqual({ status: 400, says: 'That is not the key of a file.' });
    }

    for (const type of ['', 'text/plain; charset=utf-8', 'image/svg+xml']) {
      const stored = await upload('greeting.txt', type);
      expect(stored.status).toBe(200);
      const { key } = parse(await stored.text()) as { key: string };
      expect((await call(deleteFile, [{ key }])).status).toBe(200);
    }
  });

  it('ticks: a feed is capped (at most 600 events, 100 ms apart at the fastest, 5 minutes in all) and ends by itself', async () => {
    useApp(demo);
    const refusal = async (input: unknown) => {
      const feed = proxyFor(ticks, { generator: true }) as unknown as (input: unknown) => AsyncIterable<unknown>;
      const error = await (async () => {
        for await (const _ of feed(input)) throw new Error('the feed started');
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      const { status, data } = error as ServerError<{ issues: { message: string }[] }>;
      return { status, says: data?.issues[0]?.message };
    };
    expect(await refusal({ intervalMs: 0, limit: 1e9 })).toEqual({ status: 400, says: 'Ticks come at most every 100 ms.' });
    expect(await refusal({ limit: 601 })).toEqual({ status: 400, says: 'A feed has at most 600 events.' });
    expect(await refusal({ intervalMs: 5000, limit: 600 })).toEqual({
      status: 400,
      says: 'A feed runs for at most 5 minutes (limit × intervalMs).',
    });
    expect(await answer(await call(ticks, [0, 1e9]))).toEqual({ status: 400, says: 'ticks takes at most 1 argument(s), got 2.' });

    const seen: number[] = [];
    for await (const tick of proxyFor(ticks, { generator: true })({ intervalMs: 100, limit: 3 })) seen.push(tick.n);
    expect(seen).toEqual([1, 2, 3]);
  });
});
