// litflare's one error model, cell by cell: where an error is thrown × what is
// thrown. What is thrown (fixtures/thrown.ts):
//   server-error    new ServerError(404, 'No such user <7>', { id: 7 })
//   redirect        redirect('/sign-in?next=%2Faccount', 303)
//   http-exception  new HTTPException(401, { message: 'Sign in first' })
//   plain           new Error('database password is hunter2')
// The app runs in production mode (dev: false): nothing of a plain error may show.
import { parse, stringify } from 'devalue';
import { decodeHydrationPayload } from '../../src/shared/hydration.js';
import { html } from 'lit';
import { configureRpc, ServerError, serverFnMeta, SocketError } from 'litflare';
import { createApp } from 'litflare/worker';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { failWith, streamThenFail } from './fixtures/errors.server.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import { rowsPage } from './fixtures/rows.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';
import { openSocket } from './fixtures/socket-client.js';
import './fixtures/throw-probes.js';
import { KINDS, REDIRECT_TO, throwKind, type Kind } from './fixtures/thrown.js';

const app = createApp({ shell: testShell, dev: false });
app.page('/before/handler/:kind', (c) => throwKind(c.req.param('kind') as Kind));
app.page('/before/component/:kind', (c) => html`<main><throw-probe kind=${c.req.param('kind')}></throw-probe></main>`);
app.page('/after/:kind', (c) => html`${rowsPage(3000)}<section><throw-probe kind=${c.req.param('kind')}></throw-probe></section>`);
app.page('/data/:kind', (c) => html`<main><data-throw-probe kind=${c.req.param('kind')}></data-throw-probe></main>`);
app.websocket('/echo/:name', 'ECHO');

/** Where the browser's proxy was sent by a server function's redirect(). */
let navigations: string[] = [];
beforeAll(() => {
  useApp(app);
  configureRpc({ navigate: (location) => navigations.push(location) });
});
afterEach(() => {
  navigations = [];
  vi.restoreAllMocks();
});

/** A page's markup without Lit's comment markers, and the response. */
async function page(path: string): Promise<{ response: Response; text: string }> {
  const response = await send(app, path);
  return { response, text: (await response.text()).replace(/<!--[^]*?-->/g, '') };
}

/** The server-data results a page carried for hydration. */
function hydrationData(text: string): unknown[] {
  return [...text.matchAll(/<script type="application\/litflare\+devalue">(.*?)<\/script>/g)].flatMap((match) =>
    Object.values(decodeHydrationPayload(match[1]!).data ?? {}),
  );
}

/** Asserts that the page ended with the late-error marker showing `message`, and completed. */
function lateMarker(text: string, message: string | undefined): void {
  expect(text).toContain('<div data-litflare-error role="alert"');
  expect(text).toContain('This page could not be rendered completely.');
  if (message !== undefined) expect(text).toContain(`<p>${message}</p>`);
  expect(text.trimEnd().endsWith('</html>')).toBe(true);
}

/** Asserts that the page redirected itself once streaming, and completed. */
function metaRefresh(text: string): void {
  expect(text).toContain(`<meta http-equiv="refresh" content="0;url=${REDIRECT_TO}">`);
  expect(text).not.toContain('data-litflare-error');
  expect(text.trimEnd().endsWith('</html>')).toBe(true);
}

/** Asserts that `call` made the proxy navigate to the redirect, and never settled. */
async function navigatedAndPending(call: Promise<unknown>): Promise<void> {
  let settled = false;
  call.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.waitFor(() => expect(navigations).toEqual([REDIRECT_TO]));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(settled).toBe(false);
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

/** Calls failWith(kind) over the wire, raw. */
function wireCall(kind: Kind): Promise<Response> {
  return send(app, `/_lf/rpc/${serverFnMeta(failWith)!.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json' },
    body: stringify([kind]),
  });
}

/** streamThenFail(kind) through the proxy: the items, then what ended it. */
async function streamed(kind: Kind): Promise<{ items: number[]; end: Promise<IteratorResult<number>> }> {
  const iterator = proxyFor(streamThenFail, { generator: true })(kind)[Symbol.asyncIterator]();
  const items = [(await iterator.next()).value as number, (await iterator.next()).value as number];
  return { items, end: iterator.next() };
}

/** Sends `{ type: 'throw', kind }` over a WebSocket; the frame it got back, and whether the connection still works. */
async function socketThrow(kind: Kind): Promise<{ frame: unknown; stillOpen: boolean }> {
  const socket = await openSocket(`/echo/errors-${crypto.randomUUID().slice(0, 8)}`, {}, (request) => send(app, request.url, request));
  await socket.next(); // welcome
  socket.send({ type: 'throw', kind });
  const frame = await socket.next();
  socket.send({ type: 'echo', value: 'still here' });
  const echo = await socket.next();
  socket.close();
  return { frame, stillOpen: (echo as { value?: unknown }).value === 'still here' };
}

interface Cell {
  /** What the user gets. */
  outcome: string;
  check: () => Promise<void>;
}

const matrix: Record<string, Record<Kind, Cell>> = {
  'page before first byte (handler, or a component’s first render)': {
    'server-error': {
      outcome: 'its status, with the app’s error page showing its message',
      async check() {
        for (const where of ['handler', 'component']) {
          const { response, text } = await page(`/before/${where}/server-error`);
          expect(response.status).toBe(404);
          expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
          expect(text).toContain('<title>No such user &lt;7&gt;</title>');
          expect(text).toContain('<h1>No such user &lt;7&gt;</h1>');
          expect(text).toContain('<p>Error 404.</p>');
          expect(text).toMatch(/<script type="module" src="\/client\/main\.ts" nonce=/);
        }
      },
    },
    redirect: {
      outcome: 'a real redirect: its status and Location',
      async check() {
        for (const where of ['handler', 'component']) {
          const { response, text } = await page(`/before/${where}/redirect`);
          expect(response.status).toBe(303);
          expect(response.headers.get('location')).toBe(REDIRECT_TO);
          expect(text).toBe('');
        }
      },
    },
    'http-exception': {
      outcome: 'its own response, as Hono answers it',
      async check() {
        for (const where of ['handler', 'component']) {
          const { response, text } = await page(`/before/${where}/http-exception`);
          expect(response.status).toBe(401);
          expect(text).toBe('Sign in first');
        }
      },
    },
    plain: {
      outcome: '500 with the generic error page; logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        for (const where of ['handler', 'component']) {
          const { response, text } = await page(`/before/${where}/plain`);
          expect(response.status).toBe(500);
          expect(text).toContain('<title>Something went wrong</title>');
          expect(text).toContain('The page could not be rendered. Please try again later.');
          expect(text).not.toContain('hunter2');
        }
        expect(logged).toHaveBeenCalledTimes(2);
      },
    },
  },
  'page after first byte (a component deep in a streamed page)': {
    'server-error': {
      outcome: 'the late-error marker showing its message; not logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        const { response, text } = await page('/after/server-error');
        expect(response.status).toBe(200);
        expect(text).toContain('row 2999');
        lateMarker(text, 'No such user &lt;7&gt;');
        expect(logged).not.toHaveBeenCalled();
      },
    },
    redirect: {
      outcome: 'the page redirects itself (<meta http-equiv="refresh">)',
      async check() {
        const { response, text } = await page('/after/redirect');
        expect(response.status).toBe(200);
        metaRefresh(text);
      },
    },
    'http-exception': {
      outcome: 'the late-error marker showing its message',
      async check() {
        const { text } = await page('/after/http-exception');
        lateMarker(text, 'Sign in first');
      },
    },
    plain: {
      outcome: 'the generic late-error marker; logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        const { text } = await page('/after/plain');
        lateMarker(text, undefined);
        expect(text).not.toContain('hunter2');
        expect(logged).toHaveBeenCalledWith('litflare: rendering failed after the response had started', expect.any(Error));
      },
    },
  },
  'server data (a ServerData call while the page renders)': {
    'server-error': {
      outcome: 'the element’s error state with its status and message; the page carries it for hydration',
      async check() {
        const { response, text } = await page('/data/server-error');
        expect(response.status).toBe(200);
        expect(text).toContain('<em>Failed 404: No such user &lt;7&gt;</em>');
        expect(hydrationData(text)).toEqual([{ error: { status: 404, message: 'No such user <7>', data: { id: 7 } } }]);
      },
    },
    redirect: {
      outcome: 'the page redirects (the data streams after the first byte: <meta http-equiv="refresh">)',
      async check() {
        const { text } = await page('/data/redirect');
        metaRefresh(text);
        expect(text).not.toContain('Failed');
        expect(hydrationData(text)).toEqual([]);
      },
    },
    'http-exception': {
      outcome: 'the element’s error state with its status and message',
      async check() {
        const { text } = await page('/data/http-exception');
        expect(text).toContain('<em>Failed 401: Sign in first</em>');
        expect(hydrationData(text)).toEqual([{ error: { status: 401, message: 'Sign in first' } }]);
      },
    },
    plain: {
      outcome: 'the element’s error state, 500 with a generic message; logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        const { text } = await page('/data/plain');
        expect(text).toContain('<em>Failed 500: Internal Server Error</em>');
        expect(text).not.toContain('hunter2');
        expect(logged).toHaveBeenCalled();
      },
    },
  },
  'server function (called through the browser’s proxy)': {
    'server-error': {
      outcome: 'the call rejects with a ServerError: status, message and data',
      async check() {
        const error = await errorOf(proxyFor(failWith)('server-error'));
        expect(error).toBeInstanceOf(ServerError);
        expect(error).toMatchObject({ status: 404, message: 'No such user <7>', data: { id: 7 } });
      },
    },
    redirect: {
      outcome: '204 with x-litflare-redirect; the proxy navigates there and the call never settles',
      async check() {
        const response = await wireCall('redirect');
        expect(response.status).toBe(204);
        expect(response.headers.get('x-litflare-redirect')).toBe(REDIRECT_TO);
        expect(response.headers.get('cache-control')).toBe('no-store');
        await navigatedAndPending(proxyFor(failWith)('redirect'));
      },
    },
    'http-exception': {
      outcome: 'the call rejects with a ServerError of its status and message',
      async check() {
        const error = await errorOf(proxyFor(failWith)('http-exception'));
        expect(error).toBeInstanceOf(ServerError);
        expect(error).toMatchObject({ status: 401, message: 'Sign in first' });
      },
    },
    plain: {
      outcome: 'the call rejects with a ServerError 500 and a generic message; logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        const error = await errorOf(proxyFor(failWith)('plain'));
        expect(error).toBeInstanceOf(ServerError);
        expect(error).toMatchObject({ status: 500, message: 'Internal Server Error' });
        expect((await (await wireCall('plain')).text())).not.toContain('hunter2');
        expect(logged).toHaveBeenCalled();
      },
    },
  },
  'streamed result (after two items)': {
    'server-error': {
      outcome: 'an error frame: iterating rejects with the ServerError',
      async check() {
        const { items, end } = await streamed('server-error');
        expect(items).toEqual([1, 2]);
        expect(await errorOf(end)).toMatchObject({ name: 'ServerError', status: 404, message: 'No such user <7>', data: { id: 7 } });
      },
    },
    redirect: {
      outcome: 'a redirect frame: the proxy navigates there and the iteration never goes on',
      async check() {
        const response = await send(app, `/_lf/rpc/${serverFnMeta(streamThenFail)!.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-litflare+json' },
          body: stringify(['redirect']),
        });
        const frames = (await response.text()).trim().split('\n').map((line) => parse(line) as unknown);
        expect(frames).toEqual([[0, 1], [0, 2], [3, REDIRECT_TO]]);
        const { items, end } = await streamed('redirect');
        expect(items).toEqual([1, 2]);
        await navigatedAndPending(end);
      },
    },
    'http-exception': {
      outcome: 'an error frame of its status and message',
      async check() {
        const { end } = await streamed('http-exception');
        expect(await errorOf(end)).toMatchObject({ name: 'ServerError', status: 401, message: 'Sign in first' });
      },
    },
    plain: {
      outcome: 'an error frame, 500 with a generic message; logged',
      async check() {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        const { end } = await streamed('plain');
        expect(await errorOf(end)).toMatchObject({ name: 'ServerError', status: 500, message: 'Internal Server Error' });
        expect(logged).toHaveBeenCalled();
      },
    },
  },
  'WebSocket message (thrown by SocketServer.receive)': {
    'server-error': {
      outcome: 'a SocketError to that client with its status, message and data; the connection stays',
      async check() {
        const { frame, stillOpen } = await socketThrow('server-error');
        expect(frame).toBeInstanceOf(SocketError);
        expect(frame).toMatchObject({ status: 404, message: 'No such user <7>', data: { id: 7 } });
        expect(stillOpen).toBe(true);
      },
    },
    redirect: {
      outcome: 'refused: a message cannot navigate its client, so a SocketError 500 "Internal error" (logged, saying so)',
      async check() {
        const { frame, stillOpen } = await socketThrow('redirect');
        expect(frame).toBeInstanceOf(SocketError);
        expect(frame).toMatchObject({ status: 500, message: expect.stringMatching(/^Internal error/) });
        expect(stillOpen).toBe(true);
      },
    },
    'http-exception': {
      outcome: 'a SocketError with its status and message',
      async check() {
        const { frame } = await socketThrow('http-exception');
        expect(frame).toMatchObject({ status: 401, message: 'Sign in first' });
      },
    },
    plain: {
      outcome: 'a SocketError 500 "Internal error", no details in production',
      async check() {
        const { frame, stillOpen } = await socketThrow('plain');
        expect(frame).toMatchObject({ status: 500, message: import.meta.env.DEV ? 'Internal error: database password is hunter2' : 'Internal error' });
        expect(stillOpen).toBe(true);
      },
    },
  },
};

for (const [where, row] of Object.entries(matrix)) {
  describe(where, () => {
    for (const kind of KINDS) {
      const cell = row[kind];
      it(`${kind} → ${cell.outcome}`, () => cell.check());
    }
  });
}

describe('an error thrown by middleware or a hook during a server function call', () => {
  it('is answered in the RPC format: the proxy rethrows its ServerError, or follows its redirect', async () => {
    const guarded = createApp({ shell: testShell, dev: false, before: [(c) => (c.req.header('x-kind') === 'redirect' ? throwKind('redirect') : undefined)] });
    guarded.use(async (c, next) => {
      if (c.req.header('x-kind') === 'server-error') throwKind('server-error');
      await next();
    });
    useApp(guarded);
    configureRpc({ headers: { 'x-kind': 'server-error' } });
    expect(await errorOf(proxyFor(failWith)('plain'))).toMatchObject({ name: 'ServerError', status: 404, message: 'No such user <7>', data: { id: 7 } });
    configureRpc({ headers: { 'x-kind': 'redirect' } });
    await navigatedAndPending(proxyFor(failWith)('plain'));
    configureRpc({ headers: {} });
    useApp(app);
  });
});

describe('in development', () => {
  it('a ServerError is the page’s answer, not a bug: no stack, and nothing for Vite’s error overlay', async () => {
    const dev = createApp({ shell: testShell, dev: true });
    dev.page('/before/:kind', (c) => throwKind(c.req.param('kind') as Kind));
    dev.page('/after/:kind', (c) => html`${rowsPage(3000)}<section><throw-probe kind=${c.req.param('kind')}></throw-probe></section>`);
    for (const path of ['/before/server-error', '/after/server-error']) {
      const text = await (await send(dev, path)).text();
      expect(text).toContain('No such user &lt;7&gt;');
      expect(text).not.toContain('application/litflare+error');
      expect(text).not.toMatch(/\n\s+at /);
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await (await send(dev, '/before/plain')).text()).toContain('application/litflare+error');
  });
});
