import { parse, stringify } from 'devalue';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, d1, d1SessionStore, kvSessionStore, request, session, type Session, type SessionStore } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as faults from './fixtures/faults.server.js';
import { readChunks } from './fixtures/read.js';
import { renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

type Fn = (...args: never[]) => unknown;

/** The session a streamed page opened, for the components that change it after the first byte. */
const openSessions = new WeakMap<Request, Session>();
renderProbes.set('note-while-streaming', () => {
  openSessions.get(request())!.set('note', 'half-written while streaming');
  return 'noted';
});
renderProbes.set('d1-fails-while-streaming', () => {
  // A D1 failure surfaces as the error a component throws while it renders.
  throw new Error('D1_ERROR: no such table: no_such_table');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A KV namespace that is the real one, except that its `put` number `failOn`
 * (counted from 1) writes a key longer than KV allows, so the real binding
 * throws: a storage failure in the middle of a request.
 */
function failingKv(real: KVNamespace, failOn: number): KVNamespace {
  let puts = 0;
  return new Proxy(real, {
    get(target, property) {
      if (property === 'put') {
        return (key: string, ...rest: Parameters<KVNamespace['put']> extends [string, ...infer R] ? R : never) =>
          target.put(++puts === failOn ? 'k'.repeat(600) : key, ...rest);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function faultApp(store: () => SessionStore) {
  const app = createApp({
    shell: testShell,
    dev: false,
    session: { store: store() },
    // Test-only: requests that ask for it get a session KV whose next write fails for real.
    before: (c) => {
      const failOn = Number(c.req.header('x-fail-kv-put') ?? 0);
      if (failOn > 0) c.env = { ...c.env, SESSIONS: failingKv(c.env.SESSIONS, failOn) };
    },
  });
  app.post('/note-then-d1-fails', async (c) => {
    (await session()).set('note', c.req.query('note') ?? '');
    await d1('DB').prepare('UPDATE no_such_table SET x = 1').run();
    return c.text('unreachable');
  });
  app.page('/streamed-then-fails', async () => {
    openSessions.set(request(), await session());
    // The rows fill the first chunk: the probes render after the headers went out.
    return html`${rowsPage(3000)}<render-probe name="note-while-streaming"></render-probe><render-probe name="d1-fails-while-streaming"></render-probe>`;
  });
  app.page('/page-then-d1-fails', async (c) => {
    (await session()).set('note', c.req.query('note') ?? '');
    const { results } = await d1('DB').prepare('SELECT * FROM no_such_table').all();
    return html`<p>${results.length}</p>`;
  });
  return app;
}

const call = (app: ReturnType<typeof faultApp>, fn: Fn, args: unknown[], cookie = '', headers: Record<string, string> = {}) =>
  send(app, `/_lf/rpc/${serverFnMeta(fn)!.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-litflare+json', cookie, ...headers },
    body: stringify(args),
  });

describe.each([
  ['KV', () => kvSessionStore('SESSIONS')],
  ['D1', () => d1SessionStore('DB')],
] as const)('a binding call that throws mid-request, sessions in %s', (_name, store) => {
  const app = faultApp(store);
  const notes = async (cookie: string) => parse(await (await call(app, faults.notes, [], cookie)).text());
  const signedIn = async (note: string) => cookieHeader(await call(app, faults.signInWith, [note]));

  it.each([
    ['D1 (a missing table)', faults.noteThenD1Fails],
    ['KV (a key over the limit)', faults.noteThenKvFails],
    ['R2 (a key over the limit)', faults.noteThenR2Fails],
  ])('%s in a server function: a clean 500, and the session keeps what it had', async (_what, fn) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cookie = await signedIn('before');
    const failed = await call(app, fn, ['half-written'], cookie);
    expect(failed.status).toBe(500);
    expect(parse(await failed.text())).toEqual({ message: 'Internal Server Error' });
    expect(failed.headers.getSetCookie()).toEqual([]);
    expect(await notes(cookie)).toEqual({ note: 'before', streamed: null, isNew: false });
    expect(logged).toHaveBeenCalled();

    // Without a session yet: no cookie, and nothing stored under any id.
    const fresh = await call(app, fn, ['half-written']);
    expect(fresh.status).toBe(500);
    expect(fresh.headers.getSetCookie()).toEqual([]);
  });

  it('a deliberate ServerError keeps the changes made before it', async () => {
    const cookie = await signedIn('before');
    const refused = await call(app, faults.noteThenRefuse, ['kept'], cookie);
    expect(refused.status).toBe(409);
    expect(await notes(cookie)).toMatchObject({ note: 'kept' });
  });

  it('in a route or a page before its first byte: the error page, and the session keeps what it had', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const cookie = await signedIn('before');
    const route = await send(app, '/note-then-d1-fails?note=half', { method: 'POST', headers: { cookie } });
    expect(route.status).toBe(500);
    expect(await route.text()).toContain('<h1>Something went wrong</h1>');
    const page = await send(app, '/page-then-d1-fails?note=half', { headers: { cookie } });
    expect(page.status).toBe(500);
    expect([...route.headers.getSetCookie(), ...page.headers.getSetCookie()]).toEqual([]);
    expect(await notes(cookie)).toMatchObject({ note: 'before' });
  });

  it('in a page after its first byte: the error marker, and the session keeps what it had', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const cookie = await signedIn('before');
    const response = await send(app, '/streamed-then-fails', { headers: { cookie } });
    expect(response.status).toBe(200);
    const page = (await readChunks(response)).join('');
    expect(page).toContain('noted');
    expect(page).toContain('This page could not be rendered completely.');
    expect(await notes(cookie)).toMatchObject({ note: 'before' });
  });

  it('mid-stream in a streamed result: an error frame, and the session keeps what it had', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const cookie = await signedIn('before');
    const response = await call(app, faults.streamThenD1Fails, ['half'], cookie);
    expect(response.status).toBe(200);
    const frames = (await readChunks(response)).join('').trim().split('\n').map((line) => parse(line) as unknown[]);
    expect(frames).toEqual([[0, 1], [1, { status: 500, message: 'Internal Server Error' }]]);
    expect(await notes(cookie)).toEqual({ note: 'before', streamed: null, isNew: false });
  });
});

describe('a session store write that fails for real (the Nth KV put)', () => {
  const app = faultApp(() => kvSessionStore('SESSIONS'));

  it('answers a clean 500 without a cookie, and stores nothing half-way', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // Sign-in's only write is the new session: it fails.
    const failed = await call(app, faults.signInWith, ['never stored'], '', { 'x-fail-kv-put': '1' });
    expect(failed.status).toBe(500);
    expect(failed.headers.getSetCookie()).toEqual([]);

    const cookie = cookieHeader(await call(app, faults.signInWith, ['first']));
    // Rotation: the old id is deleted and the new one written; the write fails.
    const rotated = await call(app, faults.signInWith, ['second'], cookie, { 'x-fail-kv-put': '1' });
    expect(rotated.status).toBe(500);
    expect(rotated.headers.getSetCookie()).toEqual([]);
    // The browser keeps its old cookie: it no longer opens anything (rotation deleted it), and never the new data.
    const after = parse(await (await call(app, faults.notes, [], cookie)).text()) as { note: string | null };
    expect(after.note).not.toBe('second');
  });
});
