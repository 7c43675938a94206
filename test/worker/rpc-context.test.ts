import { env } from 'cloudflare:workers';
import { ServerError, serverFnMeta } from 'litflare';
import { createApp, kvSessionStore, session } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import * as fns from './fixtures/context.server.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({
  shell: testShell,
  dev: false,
  session: { store: kvSessionStore('SESSIONS') },
  before: (c) => (c.req.header('x-block') === 'yes' ? c.text('blocked by a before hook', 401) : undefined),
  after: (c) => {
    c.header('x-after', 'stamped');
  },
});

describe('server functions see their own request context', () => {
  it('reach every accessor: request, env, variables, secrets, D1, KV, cookies, waitUntil', async () => {
    useApp(app, { jar: { cookie: 'theme=light' }, origin: 'https://app.test' });
    const seen = await proxyFor(fns.whereAmI)('one');
    expect(seen).toEqual({
      url: `/_lf/rpc/${serverFnMeta(fns.whereAmI)!.id}`,
      header: null,
      app: 'litflare demo',
      token: 'test-api-token'.length,
      hasDb: true,
      answer: 42,
      kv: 'one',
      cookie: 'light',
    });
    await expect.poll(() => proxyFor(fns.laterWork)('one')).toBe('done');
  });

  it('set cookies and sessions on the RPC answer, read back by the next call', async () => {
    const jar = { cookie: '' };
    useApp(app, { jar, origin: 'https://app.test' });
    expect(await proxyFor(fns.whoAmI)()).toEqual({ name: null, visits: 1 });
    expect(await proxyFor(fns.rememberMe)('Ada')).toBe(true);
    expect(jar.cookie).toMatch(/__Host-lf_session=[\w-]{22,}/);
    expect(jar.cookie).toContain('theme=dark');
    const firstId = /__Host-lf_session=([^;]+)/.exec(jar.cookie)![1];
    expect(await proxyFor(fns.whoAmI)()).toEqual({ name: 'Ada', visits: 1 });
    expect(await proxyFor(fns.whoAmI)()).toEqual({ name: 'Ada', visits: 2 });
    // Signing in again rotates the id; the old one no longer works.
    await proxyFor(fns.rememberMe)('Ada');
    const secondId = /__Host-lf_session=([^;]+)/.exec(jar.cookie)![1];
    expect(secondId).not.toBe(firstId);
    useApp(app, { jar: { cookie: `__Host-lf_session=${firstId}` }, origin: 'https://app.test' });
    expect(await proxyFor(fns.whoAmI)()).toEqual({ name: null, visits: 1 });
  });

  it('save session changes a streamed function makes before its stream ends', async () => {
    const jar = { cookie: '' };
    useApp(app, { jar, origin: 'https://app.test' });
    await proxyFor(fns.rememberMe)('Streamer');
    const items: number[] = [];
    for await (const n of proxyFor(fns.countIntoSession, { generator: true })(3)) items.push(n);
    expect(items).toEqual([1, 2, 3]);
    const app2 = createApp({ shell: testShell, session: { store: kvSessionStore('SESSIONS') } });
    app2.get('/streamed', async (c) => c.json((await session<{ streamed: number }>()).get('streamed')));
    const response = await app2.request('https://app.test/streamed', { headers: { cookie: jar.cookie } }, env);
    expect(await response.json()).toBe(3);
  });

  it('refuse a cookie set after the answer’s headers went out, with an error at that point of the stream', async () => {
    useApp(app, { jar: { cookie: '' }, origin: 'https://app.test' });
    const items: string[] = [];
    const error = await (async () => {
      for await (const item of proxyFor(fns.cookieTooLate, { generator: true })()) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toEqual(['headers are out']);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(500);
  });

  it('go through the app’s hooks: a before hook short-circuits the call, an after hook stamps the answer', async () => {
    const seen = useApp(app, { jar: { cookie: '' } });
    const blocked = await app.request(
      `http://localhost/_lf/rpc/${serverFnMeta(fns.whoAmI)!.id}`,
      { method: 'POST', headers: { 'content-type': 'application/x-litflare+json', 'x-block': 'yes' }, body: '[[]]' },
      env,
    );
    expect(blocked.status).toBe(401);
    expect(await blocked.text()).toBe('blocked by a before hook');
    expect(blocked.headers.get('x-after')).toBe('stamped');
    const error = await proxyFor(fns.forbidden)().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, message: 'Not yours' });
    expect(seen).toHaveLength(1);
  });
});
