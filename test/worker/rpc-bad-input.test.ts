import { parse, stringify } from 'devalue';
import { serverFnMeta, ServerError } from 'litflare';
import { createApp } from 'litflare/worker';
import { beforeEach, describe, expect, it } from 'vitest';
import * as fns from './fixtures/rpc.server.js';
import { testShell } from './fixtures/shell.js';

// Arguments may expand to 4096 (the shared chains below count 1,953 written out in full).
const app = createApp({ shell: testShell, dev: false, allowOrigins: ['https://admin.example.com'], rpc: { maxBodySize: 1024, maxArgSize: 4096 } });
const id = (fn: (...args: never[]) => unknown) => serverFnMeta(fn)!.id;
const url = (fn: (...args: never[]) => unknown) => `http://localhost/_lf/rpc/${id(fn)}`;
const post = (target: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  app.request(target, { method: 'POST', headers: { 'content-type': 'application/x-litflare+json', ...headers }, body });

/** The error answer's status and message. */
async function failure(response: Response): Promise<{ status: number; message: string }> {
  expect(response.headers.get('content-type')).toBe('application/json');
  const { message } = parse(await response.text()) as { message: string };
  return { status: response.status, message };
}

let callsBefore: number;
beforeEach(async () => {
  callsBefore = await fns.callCount();
});

/** Bad input must never reach the function. */
async function expectNotRun(): Promise<void> {
  expect(await fns.callCount()).toBe(callsBefore);
}

describe('bad RPC input gets a precise error and never runs the function', () => {
  it('unknown id → 404', async () => {
    expect(await failure(await post('http://localhost/_lf/rpc/nope', '[]'))).toEqual({
      status: 404,
      message: 'No server function has this id.',
    });
    // Prototype names are not ids.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect((await post(`http://localhost/_lf/rpc/${name}`, '[]')).status).toBe(404);
    }
  });

  it('wrong method → 405 with Allow', async () => {
    const get = await app.request(`${url(fns.add)}?args=${encodeURIComponent(stringify([1, 2]))}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await failure(get)).message).toBe('add is called with POST, not GET.');
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await app.request(url(fns.add), { method, headers: { 'content-type': 'application/x-litflare+json' }, body: '[]' });
      expect(response.status).toBe(405);
    }
    // A cacheable (GET) function called with POST.
    const posted = await post(url(fns.getItem), stringify([1]));
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET');
    await expectNotRun();
  });

  it('wrong content type → 415', async () => {
    for (const type of ['application/json', 'application/x-litflare', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await post(url(fns.add), '[1,2]', { 'content-type': type, origin: 'http://localhost' });
      expect(response.status).toBe(415);
      expect((await failure(response)).message).toContain('application/x-litflare+json');
    }
    const untyped = await app.request(url(fns.add), { method: 'POST', headers: { origin: 'http://localhost' }, body: new Blob(['[1,2]']) });
    expect(untyped.status).toBe(415);
    await expectNotRun();
  });

  it('undecodable body → 400', async () => {
    for (const body of ['{not devalue', '[1,', '[[1],"x"', '[["Unknown",1]]', '[{"a":99}]', '""']) {
      const response = await post(url(fns.echo), body);
      expect(response.status, body).toBe(400);
      expect((await failure(response)).message).toBe('The arguments of echo could not be decoded (expected devalue).');
    }
    await expectNotRun();
  });

  it('body over the limit → 413, whether announced by Content-Length or not', async () => {
    const big = stringify(['x'.repeat(2000)]);
    const announced = await post(url(fns.echo), big);
    expect(await failure(announced)).toEqual({ status: 413, message: 'The body is larger than the 1024-byte limit.' });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '["' : 'y'.repeat(500)));
        controller.close();
      },
    });
    const streamed = await app.request(url(fns.echo), {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await expectNotRun();
  });

  it('body over the default limit (1 MB, when the app sets none) → 413; a body of exactly 1 MB is read', async () => {
    const defaults = createApp({ shell: testShell, dev: false });
    const sized = (bytes: number) => stringify(['x'.repeat(bytes - stringify(['']).length)]);
    expect(sized(1_048_576)).toHaveLength(1_048_576);
    const send = (body: string) =>
      defaults.request(url(fns.echo), { method: 'POST', headers: { 'content-type': 'application/x-litflare+json' }, body });
    const over = await send(sized(1_048_577));
    expect(await failure(over)).toEqual({ status: 413, message: 'The body is larger than the 1048576-byte limit.' });
    await expectNotRun();
    const at = await send(sized(1_048_576));
    expect(at.status).toBe(200);
    expect((parse(await at.text()) as string[])[0]).toHaveLength(1_048_576 - stringify(['']).length);
  });

  it('arguments that are not an array, or too many → 400', async () => {
    expect(await failure(await post(url(fns.add), stringify({ a: 1 })))).toEqual({
      status: 400,
      message: 'The arguments of add must be an array.',
    });
    expect(await failure(await post(url(fns.add), stringify([1, 2, 3])))).toEqual({
      status: 400,
      message: 'add takes at most 2 argument(s), got 3.',
    });
    expect((await post(url(fns.createUserZod), stringify([{ name: 'Ada', age: 1 }, 'extra']))).status).toBe(400);
    await expectNotRun();
  });

  it('arguments nested deeper than 64 levels → 400 (found by the fuzzer: a 3,300-level chain decoded, then overflowed the stack → 500)', async () => {
    const chain = (depth: number) => `[${Array.from({ length: depth }, (_, i) => `[${i + 1}]`).join(',')},1]`;
    for (const depth of [66, 150]) {
      expect(await failure(await post(url(fns.echo), chain(depth)))).toEqual({
        status: 400,
        message: 'The arguments of echo nest more than 64 levels deep.',
      });
    }
    await expectNotRun();
    // The same chain behind shared references: [[C1, …, Cn]] with each Ci = [Ci+1]. devalue sends each
    // link once, and each link is first seen 2 levels deep; re-encoding the result overflowed the stack.
    const sharedChain = (depth: number) =>
      `[[1],[${Array.from({ length: depth }, (_, i) => i + 2).join(',')}],${Array.from({ length: depth }, (_, i) => `[${i + 3}]`).join(',')},1]`;
    for (const depth of [66, 110]) {
      expect(await failure(await post(url(fns.echo), sharedChain(depth)))).toEqual({
        status: 400,
        message: 'The arguments of echo nest more than 64 levels deep.',
      });
    }
    await expectNotRun();
    // 64 levels inside the one argument still pass; repeated references are no deeper than they look.
    const nested = JSON.parse(`${'['.repeat(64)}1${']'.repeat(64)}`) as unknown;
    expect(parse(await (await post(url(fns.echo), stringify([nested]))).text())).toEqual([nested]);
    const shared = { a: 1 };
    expect((await post(url(fns.echo), stringify([Array.from({ length: 100 }, () => shared)]))).status).toBe(200);
    // A shallow chain behind shared references passes too: 60 links, each first seen 2 levels deep.
    expect((await post(url(fns.echo), sharedChain(60))).status).toBe(200);
  });

  it('a __proto__ / constructor payload pollutes nothing', async () => {
    const payloads = [
      '[[1],{"__proto__":2},{"polluted":3},true]',
      '[[1],{"constructor":2},{"prototype":3},{"polluted":4},true]',
      JSON.stringify([[1], { __proto__: 2 }, { polluted: 3 }, true]),
    ];
    for (const body of payloads) {
      const response = await post(url(fns.echo), body);
      expect([200, 400]).toContain(response.status);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a GET query over 8 KB → 414', async () => {
    const response = await app.request(`${url(fns.getItem)}?args=${'9'.repeat(9000)}`);
    expect(await failure(response)).toEqual({
      status: 414,
      message: 'The query string is longer than 8192 bytes; call this function with POST.',
    });
    await expectNotRun();
  });

  it('a cross-origin POST → 403, by Origin or by Sec-Fetch-Site', async () => {
    const body = stringify([1, 2]);
    expect((await post(url(fns.add), body, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(url(fns.add), body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(url(fns.add), body, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await failure(await post(url(fns.add), body, { origin: 'null' }))).message).toBe(
      'Cross-origin calls to server functions are refused.',
    );
    await expectNotRun();
    // The app's own origin, an allowed origin, and non-browser callers pass.
    const same = await post(url(fns.add), body, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(parse(await same.text())).toBe(3);
    expect((await post(url(fns.add), body, { origin: 'https://admin.example.com' })).status).toBe(200);
    expect((await post(url(fns.add), body)).status).toBe(200);
  });

  it('a plain HTML form post is refused cross-origin by Hono’s csrf middleware', async () => {
    const formApp = createApp({ shell: testShell, allowOrigins: ['https://admin.example.com'] });
    formApp.post('/comments', (c) => c.text('saved'));
    formApp.post('/locked', () => {
      throw new ServerError(403, 'This board is locked.');
    });
    const cross = await formApp.request('http://localhost/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'text=hi',
    });
    expect(cross.status).toBe(403);
    // Said in the page, not only by the status.
    expect(await cross.text()).toContain('cross-site form posts are refused');
    // A route that throws its own 403 after the guard passed keeps its message.
    const locked = await formApp.request('http://localhost/locked', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'text=hi',
    });
    expect([locked.status, await locked.text()]).toEqual([403, expect.stringContaining('This board is locked.')]);
    const same = await formApp.request('http://localhost/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'text=hi',
    });
    expect(same.status).toBe(200);
    const allowed = await formApp.request('http://localhost/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://admin.example.com' },
      body: 'text=hi',
    });
    expect(allowed.status).toBe(200);
    // Browsers send Origin or Sec-Fetch-Site with every POST; a request with neither is a script, not a forged form.
    const script = await formApp.request('http://localhost/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hi',
    });
    expect(script.status).toBe(200);
    const crossSiteFetch = await formApp.request('http://localhost/comments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      body: 'hi',
    });
    expect(crossSiteFetch.status).toBe(403);
  });
});
