import { env as workerEnv } from 'cloudflare:workers';
import { html } from 'lit';
import {
  createApp,
  d1SessionStore,
  kvSessionStore,
  request,
  session,
  sessionTableSql,
  type Session,
  type SessionOptions,
  type SessionStore,
  waitUntil,
} from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import migration from '../../worker/migrations/0001_sessions.sql?raw';
import { readChunks } from './fixtures/read.js';
import { renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

type Data = { user: string; visits: number; blob: string; streamed: string };

/** The session a page handler opened, for the component that changes it while the page streams. */
const openSessions = new WeakMap<Request, Session<Data>>();
renderProbes.set('late-session-set', () => {
  openSessions.get(request())!.set('streamed', 'yes');
  return 'changed';
});

/** What session changes made after their response completed threw. */
const lateErrors: string[] = [];

/** A real store that counts its reads, to show when the session is not loaded. */
function counting(store: SessionStore) {
  const counts = { loads: 0 };
  const counted: SessionStore = {
    load: (key) => {
      counts.loads++;
      return store.load(key);
    },
    save: (key, value) => store.save(key, value),
    delete: (key) => store.delete(key),
  };
  return { counts, store: counted };
}

function sessionApp(options: SessionOptions) {
  const app = createApp({ shell: testShell, session: options });
  app.post('/login/:user', async (c) => {
    const s = await session<Data>();
    s.regenerate();
    s.set('user', c.req.param('user'));
    return c.json({ wasNew: s.isNew });
  });
  app.get('/me', async (c) => {
    const s = await session<Data>();
    await session(); // a second call in the same request reuses the loaded session
    return c.json({ user: s.get('user') ?? null, visits: s.get('visits') ?? 0, isNew: s.isNew, streamed: s.get('streamed') ?? null });
  });
  app.post('/visit', async (c) => {
    const s = await session<Data>();
    s.set('visits', (s.get('visits') ?? 0) + 1);
    return c.json({ visits: s.get('visits') });
  });
  app.post('/logout', async (c) => {
    (await session()).destroy();
    return c.text('bye');
  });
  app.post('/too-big', async (c) => {
    const s = await session<Data>();
    try {
      s.set('blob', 'x'.repeat(20_000));
      return c.text('stored');
    } catch (error) {
      return c.json({ error: (error as Error).message, user: s.get('user') ?? null, blob: s.has('blob') }, 413);
    }
  });
  app.post('/not-data', async (c) => {
    const s = await session<Record<string, unknown>>();
    try {
      s.set('callback', () => 'not data');
      return c.text('stored');
    } catch (error) {
      return c.json({ error: (error as Error).message, keys: s.keys() }, 400);
    }
  });
  app.post('/too-late', async (c) => {
    const s = await session<Record<string, unknown>>();
    // Work the response does not wait for: it runs after the response has completed.
    waitUntil(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        try {
          s.set('late', true);
        } catch (error) {
          lateErrors.push((error as Error).message);
        }
      })(),
    );
    return c.text('done');
  });
  app.get('/untouched', (c) => c.text('no session here'));
  app.page('/stream', async () => {
    const s = await session<Data>();
    openSessions.set(request(), s);
    return html`${rowsPage(3000)}<render-probe name="late-session-set"></render-probe>`;
  });
  app.page('/stream-login/:user', async (c) => {
    const s = await session<Data>();
    s.set('user', c.req.param('user') ?? '');
    return rowsPage(3000);
  });
  app.onError((error, c) => c.text(error.message, 500));
  return app;
}

const stores: [name: string, store: () => SessionStore][] = [
  ['KV', () => kvSessionStore('SESSIONS')],
  ['D1', () => d1SessionStore('DB')],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(stores)('sessions in %s', (_name, makeStore) => {
  const { counts, store } = counting(makeStore());
  const app = sessionApp({ store });
  const login = (user: string, cookie = '') => send(app, `/login/${user}`, { method: 'POST', headers: { cookie } });
  const me = async (cookie: string) => (await send(app, '/me', { headers: { cookie } })).json();

  it('are created with a __Host- cookie carrying a 256-bit random id', async () => {
    const [ada, bob] = [await login('ada'), await login('bob')];
    const [adaCookie] = ada.headers.getSetCookie();
    expect(adaCookie).toMatch(
      /^__Host-lf_session=[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(cookieHeader(ada)).not.toBe(cookieHeader(bob));
    expect(await ada.json()).toEqual({ wasNew: true });
  });

  it('are read back on the next request', async () => {
    const cookie = cookieHeader(await login('ada'));
    expect(await me(cookie)).toEqual({ user: 'ada', visits: 0, isNew: false, streamed: null });
    await send(app, '/visit', { method: 'POST', headers: { cookie } });
    await send(app, '/visit', { method: 'POST', headers: { cookie } });
    expect(await me(cookie)).toMatchObject({ user: 'ada', visits: 2 });
  });

  it('are stored under a hash of the id, so the store holds no usable id', async () => {
    const cookie = cookieHeader(await login('ada'));
    const id = cookie.slice(cookie.indexOf('=') + 1);
    const kvKeys = (await workerEnv.SESSIONS.list({ prefix: 'session:' })).keys.map((key) => key.name);
    const d1Ids = (await workerEnv.DB.prepare('SELECT id FROM litflare_sessions').all<{ id: string }>()).results;
    expect([...kvKeys, ...d1Ids.map((row) => row.id)].some((key) => key.includes(id))).toBe(false);
  });

  it('are not read from storage by a request that does not use them', async () => {
    const cookie = cookieHeader(await login('ada'));
    const before = counts.loads;
    await send(app, '/untouched', { headers: { cookie } });
    expect(counts.loads).toBe(before);
    await me(cookie);
    expect(counts.loads).toBe(before + 1);
    await me(''); // no cookie: nothing to read
    expect(counts.loads).toBe(before + 1);
  });

  it('rotate their id on demand: the old id no longer works', async () => {
    const first = cookieHeader(await login('ada'));
    const rotated = await login('ada-again', first);
    const second = cookieHeader(rotated, first);
    expect(second).not.toBe(first);
    expect(await me(second)).toMatchObject({ user: 'ada-again', isNew: false });
    expect(await me(first)).toEqual({ user: null, visits: 0, isNew: true, streamed: null });
  });

  it('are destroyed on logout: cookie cleared, data gone', async () => {
    const cookie = cookieHeader(await login('ada'));
    const logout = await send(app, '/logout', { method: 'POST', headers: { cookie } });
    expect(logout.headers.getSetCookie()).toEqual([
      '__Host-lf_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
    expect(cookieHeader(logout, cookie)).toBe('');
    expect(await me(cookie)).toMatchObject({ user: null, isNew: true });
  });

  it('start fresh, without an error, for a tampered, unknown or malformed cookie', async () => {
    const cookie = cookieHeader(await login('ada'));
    const id = cookie.slice(cookie.indexOf('=') + 1);
    const tampered = `__Host-lf_session=${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [tampered, '__Host-lf_session=not-an-id', '__Host-lf_session=%00%ff', `__Host-lf_session=${id}x`]) {
      const response = await send(app, '/me', { headers: { cookie: forged } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ user: null, visits: 0, isNew: true, streamed: null });
    }
    expect(await me(cookie)).toMatchObject({ user: 'ada' });
  });

  it('refuse data over the size limit with a clear error, and lose nothing', async () => {
    const cookie = cookieHeader(await login('ada'));
    const response = await send(app, '/too-big', { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(413);
    const { error, user, blob } = (await response.json()) as { error: string; user: string; blob: boolean };
    expect(error).toMatch(/^litflare: session\.set\("blob"\) would make the session \d+ bytes, over its limit of 16384; nothing was changed\./);
    expect({ user, blob }).toEqual({ user: 'ada', blob: false });
    expect(await me(cookie)).toMatchObject({ user: 'ada' });
  });

  it('refuse a value that is not data, with a clear error, and lose nothing', async () => {
    const cookie = cookieHeader(await login('ada'));
    const response = await send(app, '/not-data', { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(400);
    const { error, keys } = (await response.json()) as { error: string; keys: string[] };
    expect(error).toMatch(/^litflare: session\.set\("callback"\): the value cannot be stored \(.+\)\. Sessions hold plain data/);
    expect(keys).toEqual(['user']);
    expect(await me(cookie)).toMatchObject({ user: 'ada' });
  });

  it('refuse a change after the response completed instead of losing it', async () => {
    const cookie = cookieHeader(await login('ada'));
    lateErrors.length = 0;
    await send(app, '/too-late', { method: 'POST', headers: { cookie } });
    expect(lateErrors).toEqual([
      'litflare: session.set("late") came after the response had completed, so the change would be lost. ' +
        'Change the session while the request is being handled, and await the work that does it.',
    ]);
  });

  it('decide the cookie before a streamed page starts, and save it', async () => {
    const response = await send(app, '/stream-login/lin');
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Host-lf_session=[A-Za-z0-9_-]{43};/);
    await readChunks(response);
    expect(await me(cookieHeader(response))).toMatchObject({ user: 'lin' });
  });

  it('save changes made while a page streams before the page completes', async () => {
    const cookie = cookieHeader(await login('ada'));
    const response = await send(app, '/stream', { headers: { cookie } });
    expect((await readChunks(response)).join('')).toContain('<!--lit-part-->changed<!--/lit-part-->');
    expect(await me(cookie)).toMatchObject({ user: 'ada', streamed: 'yes' });
  });

  it('refuse, clearly, a change after the headers went out that would need a new cookie', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = (await readChunks(await send(app, '/stream'))).join('');
    expect(page).toContain('This page could not be rendered completely.');
    expect(logged).toHaveBeenCalledWith(
      'litflare: rendering failed after the response had started',
      expect.objectContaining({
        message: expect.stringMatching(
          /^litflare: session\.set\("streamed"\) came after the response headers were sent .* needs a new session cookie/,
        ),
      }),
    );
  });
});

describe('a streamed page that changes the session', () => {
  it('sends its last bytes only once the change is saved, so what the browser does next sees it', async () => {
    const events: string[] = [];
    const kv = kvSessionStore('SESSIONS');
    const store: SessionStore = {
      load: (key) => kv.load(key),
      delete: (key) => kv.delete(key),
      save: async (key, value) => {
        events.push('save started');
        await new Promise((resolve) => setTimeout(resolve, 20)); // a store slower than reading the stream
        await kv.save(key, value);
        events.push('saved');
      },
    };
    const app = sessionApp({ store });
    const cookie = cookieHeader(await send(app, '/login/ada', { method: 'POST' }));
    events.length = 0;
    const response = await send(app, '/stream', { headers: { cookie } });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      if (decoder.decode(result.value, { stream: true }).includes('</html>')) events.push('page ended');
    }
    expect(events).toEqual(['save started', 'saved', 'page ended']);
    expect(await (await send(app, '/me', { headers: { cookie } })).json()).toMatchObject({ user: 'ada', streamed: 'yes' });
  });
});

describe.each(stores)('session expiry in %s', (_name, makeStore) => {
  const app = sessionApp({ store: makeStore(), maxAge: 1 });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const me = async (cookie: string) => (await send(app, '/me', { headers: { cookie } })).json();

  it('ends a session unused for maxAge, and slides for one in use', async () => {
    const idle = cookieHeader(await send(app, '/login/idle', { method: 'POST' }));
    const busy = cookieHeader(await send(app, '/login/busy', { method: 'POST' }));
    await wait(600);
    expect(await me(busy)).toMatchObject({ user: 'busy' }); // refreshes: more than a tenth of its life has passed
    await wait(600);
    expect(await me(idle)).toEqual({ user: null, visits: 0, isNew: true, streamed: null });
    expect(await me(busy)).toMatchObject({ user: 'busy', isNew: false });
  });
});

describe('session configuration', () => {
  it('ships its D1 migration in worker/migrations', () => {
    expect(migration).toContain(sessionTableSql());
  });

  it('explains a missing D1 session table', async () => {
    const app = sessionApp({ store: d1SessionStore('DB', { table: 'missing_sessions' }) });
    const cookie = `__Host-lf_session=${'a'.repeat(43)}`;
    const response = await send(app, '/me', { headers: { cookie } });
    expect(response.status).toBe(500);
    const message = await response.text();
    expect(message).toMatch(/^litflare: the D1 session table "missing_sessions" does not exist in DB\./);
    expect(message).toContain('`npx litflare migration sessions --binding DB --table missing_sessions`');
    expect(message).toContain('CREATE TABLE IF NOT EXISTS missing_sessions (');
  });

  it('rejects impossible options when the app is created', () => {
    const store = kvSessionStore('SESSIONS');
    expect(() => createApp({ session: { store, maxAge: 0 } })).toThrow(/session maxAge must be a whole number of seconds/);
    expect(() => createApp({ session: { store, cookie: '__Host-sid' } })).toThrow(/litflare adds __Host- itself/);
    expect(() => createApp({ session: { store, maxBytes: 0.5 } })).toThrow(/session maxBytes must be a positive whole number/);
    expect(() => d1SessionStore('DB', { table: 'x; DROP TABLE users' })).toThrow(/is not a valid session table name/);
  });

  it('says how to enable sessions when the app has none', async () => {
    const app = createApp({ shell: testShell });
    app.get('/', async (c) => c.text(String((await session()).isNew)));
    app.onError((error, c) => c.text(error.message, 500));
    expect(await (await send(app, '/')).text()).toMatch(
      /^litflare: session\(\) needs sessions to be configured: createApp\(\{ session: \{ store: kvSessionStore/,
    );
  });

  it('purges expired D1 sessions on demand (e.g. from a cron)', async () => {
    const store = d1SessionStore('DB');
    const app = createApp({ shell: testShell });
    app.post('/purge', async (c) => c.json({ purged: await store.purgeExpired() }));
    const insert = workerEnv.DB.prepare('INSERT INTO litflare_sessions (id, data, expires_at) VALUES (?1, ?2, ?3)');
    await workerEnv.DB.batch([
      insert.bind('purge-expired', '[{}]', Date.now() - 1),
      insert.bind('purge-live', '[{}]', Date.now() + 60_000),
    ]);
    const { purged } = (await (await send(app, '/purge', { method: 'POST' })).json()) as { purged: number };
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await workerEnv.DB.prepare("SELECT id FROM litflare_sessions WHERE id LIKE 'purge-%'").all();
    expect(left.results).toEqual([{ id: 'purge-live' }]);
  });
});
