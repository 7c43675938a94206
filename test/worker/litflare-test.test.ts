// litflare/test, the helpers an app's own tests use, against the demo Worker
// (the tests' default export) and fixture apps: each helper must see what a
// browser would see, over the real wire.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { html } from 'lit';
import { isServerError, isSocketError, ServerError, SocketError } from 'litflare';
import { call, page, Redirected, socket, testClient, type FetchTarget } from 'litflare/test';
import { createApp, redirect, setCookie } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import type { ChatProtocol } from '../../components/chat-types.js';
import { currentUser, signIn, signOut } from '../../worker/auth.server.js';
import { listTodos } from '../../worker/todos.server.js';
import { count, echo, fail, failAfter, finallyRan, getItem, letters, pairs } from './fixtures/rpc.server.js';
import { testShell } from './fixtures/shell.js';
import { latched, refuse } from './fixtures/data.server.js';
import { release } from './fixtures/latches.js';
import './fixtures/data-probes.js';
import type { EchoProtocol } from './fixtures/echo-server.js';

/** A fixture app, answered as the runtime would (its bindings, an execution context). */
function target(app: { fetch: (request: Request, environment: Cloudflare.Env, ctx: ExecutionContext) => Response | Promise<Response> }): FetchTarget {
  return {
    async fetch(request) {
      const ctx = createExecutionContext();
      const response = await app.fetch(request, env, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    },
  };
}

const fixture = createApp({ shell: testShell });
fixture.get('/cookies/set', (c) => {
  setCookie('theme', 'dark', { prefix: undefined });
  setCookie('scoped', 'yes', { path: '/cookies/scoped' });
  return c.text('set');
});
fixture.get('/cookies/clear', (c) => {
  c.header('set-cookie', 'theme=; Max-Age=0; Path=/', { append: true });
  return c.text('cleared');
});
fixture.get('/cookies/*', (c) => c.text(c.req.header('cookie') ?? ''));
fixture.post('/origin', (c) => c.text(c.req.header('origin') ?? 'none'));
fixture.get('/origin', (c) => c.text(c.req.header('origin') ?? 'none'));
fixture.page('/away', () => redirect('/elsewhere'));
fixture.websocket('/echo/:name', 'ECHO');

describe('call()', () => {
  it('calls a server function over the wire: the answer decoded with devalue, as the browser gets it', async () => {
    const sent = [new Date(Date.UTC(2026, 3, 1)), new Map([['a', 1n]]), new Set([undefined]), /x/g];
    const [date, map, set, regexp] = (await call(echo, ...sent)) as typeof sent;
    expect(date).toEqual(sent[0]);
    expect(date).toBeInstanceOf(Date);
    expect(map).toEqual(sent[1]);
    expect(set).toEqual(sent[2]);
    expect(regexp).toEqual(sent[3]);
    // A GET function goes out as GET, its arguments in the query.
    const item = await call(getItem, 7);
    expect(item).toEqual({ id: 7, name: 'item 7', at: new Date(Date.UTC(2026, 0, 1)) });
  });

  it('rejects with the ServerError the browser would get: status, message and data; a crash is a generic 500', async () => {
    const refused = await call(fail, 'server-error').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerError);
    expect(refused).toMatchObject({ status: 409, message: 'Title already taken', data: { field: 'title', taken: new Set(['a']) } });
    const crashed = await call(fail, 'crash').catch((error: unknown) => error);
    // The tests run in development, where the message comes along (production sends a generic one).
    expect(isServerError(crashed) && crashed.status).toBe(500);
  });

  it('refuses input the schema refuses with a 400 and its issues', async () => {
    await expect(call(signIn, { name: '!' })).rejects.toMatchObject({ status: 400, data: { issues: [{ path: ['name'] }] } });
  });

  it('reads a streamed result as an async generator (generators, ReadableStreams and async iterables alike)', async () => {
    const seen: number[] = [];
    for await (const n of await call(count, 'read-all', 3)) seen.push(n);
    expect(seen).toEqual([0, 1, 2]);
    const abc: string[] = [];
    for await (const letter of await call(letters)) abc.push(letter);
    expect(abc).toEqual(['a', 'b', 'c']);
    const entries: [string, number][] = [];
    for await (const pair of await call(pairs)) entries.push(pair);
    expect(entries).toEqual([['one', 1], ['two', 2]]);
  });

  it('breaking out of a streamed result cancels its response, which ends the server function (its finally runs)', async () => {
    const token = `break-${crypto.randomUUID()}`;
    // In-process, so the cancel reaches the Worker's stream as a dropped connection would.
    for await (const n of await testClient(target(fixture)).call(count, token, 1_000_000, 1)) if (n === 2) break;
    await expect.poll(() => call(finallyRan, token)).toBe(true);
  });

  it('throws a streamed error where it happens, after the items before it', async () => {
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of await call(failAfter, 2)) seen.push(n);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([0, 1]);
    expect(error).toMatchObject({ status: 503, message: 'Feed went away', data: { after: 2 } });
  });

  it('rejects with Redirected, saying where, when the function redirects', async () => {
    const visitor = testClient();
    await visitor.call(signIn, { name: 'Leaving' });
    const left = await visitor.call(signOut).catch((error: unknown) => error);
    expect(left).toBeInstanceOf(Redirected);
    expect((left as Redirected).location).toBe('/');
    expect(await visitor.call(currentUser)).toBeUndefined();
  });

  it('names a function that is not a server function', async () => {
    await expect(call(async () => 1)).rejects.toThrow(/not a server function/);
  });
});

describe('testClient()', () => {
  it('carries the session across calls and pages, and keeps visitors apart', async () => {
    const ada = testClient();
    expect(await ada.call(signIn, { name: 'Ada Jar' })).toBe('Ada Jar');
    // Plain `lf_session` on http://localhost in development (`__Host-lf_session` elsewhere).
    expect(ada.cookie('lf_session')).toMatch(/^[\w-]{20,}$/);
    expect(await ada.call(currentUser)).toBe('Ada Jar');
    expect((await ada.page('/chat/lobby')).html).toMatch(/<chat-room\s+room="lobby" user="Ada Jar"/);
    expect(await ada.call(listTodos)).toEqual([]);

    const bob = testClient();
    expect(await bob.call(currentUser)).toBeUndefined();
    await expect(bob.call(listTodos)).rejects.toMatchObject({ status: 401 });
  });

  it('keeps cookies as a browser does: by path, and deleted by Max-Age=0', async () => {
    const visitor = testClient(target(fixture), { origin: 'https://app.test' });
    await visitor.fetch('/cookies/set');
    expect(await (await visitor.fetch('/cookies/other')).text()).toBe('theme=dark');
    expect(await (await visitor.fetch('/cookies/scoped/page')).text()).toBe('theme=dark; scoped=yes');
    await visitor.fetch('/cookies/clear');
    expect(visitor.cookie('theme')).toBeUndefined();
    expect(await (await visitor.fetch('/cookies/scoped')).text()).toBe('scoped=yes');
  });

  it('sends Origin with what a browser sends it with (not GET), and the headers it was given', async () => {
    const visitor = testClient(target(fixture), { origin: 'https://app.test/ignored/path', headers: { 'x-app': '1' } });
    expect(visitor.origin).toBe('https://app.test');
    expect(await (await visitor.fetch('/origin', { method: 'POST' })).text()).toBe('https://app.test');
    expect(await (await visitor.fetch('/origin')).text()).toBe('none');
    const page = await visitor.page('/away');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/elsewhere');
  });
});

describe('page()', () => {
  it('gives the status, the whole HTML and the hydration data: page-level properties and server data', async () => {
    const visitor = testClient();
    await visitor.call(signIn, { name: 'Page Reader' });
    const todos = await visitor.page('/todos');
    expect(todos.status).toBe(200);
    expect(todos.headers.get('content-type')).toMatch(/^text\/html/);
    expect(todos.html).toContain('<h1>Server functions</h1>');
    expect(todos.hydrationData.elements).toEqual([{ tag: 'todo-list', props: { todos: [] } }]);

    const home = await page('/');
    expect(home.html).toMatch(/<\/html>\s*$/);
    expect(home.hydrationData.elements.map((element) => element.tag)).toEqual(['product-list', 'review-list']);
    expect(home.hydrationData.elements[0]?.props.products).toContainEqual({ id: 1, name: 'Edge Espresso', price: 3.5, tags: ['hot', 'fast'] });
    expect(home.hydrationData.serverData(listTodos)).toBeUndefined();
  });

  it('decodes the ServerData results a streamed page carries, an error included', async () => {
    const app = createApp({ shell: testShell });
    app.page('/', () => html`<data-probe token="helpers-ok" value="tea"></data-probe><refuse-probe token="helpers-no"></refuse-probe>`);
    release('helpers-ok');
    release('helpers-no');
    const loaded = await testClient(target(app)).page('/');
    expect(loaded.html).toContain('<b>Got <!--lit-part-->tea<!--/lit-part--></b>');
    expect(loaded.hydrationData.serverData(latched, 'helpers-ok', 'tea')).toEqual({ value: 'tea' });
    const refused = loaded.hydrationData.serverData(refuse, 'helpers-no');
    expect(refused).toEqual({ error: new ServerError(403, 'Not for you <helpers-no>', { token: 'helpers-no' }) });
    expect(refused !== undefined && 'error' in refused && refused.error).toBeInstanceOf(ServerError);
    expect(loaded.hydrationData.serverData(latched, 'helpers-ok', 'coffee')).toBeUndefined();
  });
});

describe('socket()', () => {
  it('sends and reads typed messages, and hands error frames over as SocketErrors', async () => {
    const visitor = testClient(target(fixture), { origin: 'https://app.test' });
    const ws = await visitor.socket<EchoProtocol>(`/echo/helpers-${crypto.randomUUID().slice(0, 8)}`);
    expect(await ws.next()).toMatchObject({ type: 'welcome' });
    ws.send({ type: 'echo', value: { at: new Date(3), tags: new Set(['x']) } });
    expect(await ws.next()).toEqual({ type: 'echo', value: { at: new Date(3), tags: new Set(['x']) } });
    ws.send({ type: 'refuse' });
    const refused = await ws.next().catch((error: unknown) => error);
    expect(isSocketError(refused)).toBe(true);
    expect(refused).toEqual(new SocketError('Refused on purpose', { reason: 'test' }));
    ws.sendRaw('not devalue');
    await expect(ws.next()).rejects.toThrow(/Undecodable message/);
    ws.sendRaw('x'.repeat(2048));
    expect(await ws.closed).toMatchObject({ code: 1009 });
  });

  it('opens the demo chat as a browser would, and says why when the Worker does not upgrade', async () => {
    const ws = await socket<ChatProtocol>('/ws/helpers');
    expect(await ws.next()).toMatchObject({ type: 'history' });
    expect(await ws.next()).toEqual({ type: 'presence', names: [] });
    ws.close();
    await expect(socket('/ws/Not_A_Room')).rejects.toThrow(/answered 400, not 101: "Not_A_Room" is not a valid name here/);
    await expect(ws.next({ timeout: 50 })).rejects.toThrow('litflare/test: no message from /ws/helpers within 50 ms');
  });
});
