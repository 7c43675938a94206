// app.websocket(…, { props }): what the Worker decides about a connection
// reaches the Durable Object out of the client's reach, and lasts as long as
// the connection.
import { createExecutionContext, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { stringify } from 'devalue';
import { env } from 'cloudflare:workers';
import { ServerError } from 'litflare';
import { testClient, type FetchTarget } from 'litflare/test';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import type { EchoProtocol } from './fixtures/echo-server.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({ shell: testShell });
// The Worker decides who connects (here from a query parameter; an app reads its session).
app.websocket<EchoProtocol>('/as/:name', 'ECHO', {
  props: (c) => {
    const user = c.req.query('user') ?? '';
    if (user === 'nobody') throw new ServerError(401, 'Sign in first.');
    return { user, since: new Date(Date.UTC(2026, 0, 1)) };
  },
});
app.websocket('/plain/:name', 'ECHO');
app.websocket<EchoProtocol>('/huge/:name', 'ECHO', { props: () => ({ user: 'x'.repeat(2000), since: new Date(0) }) });

const target: FetchTarget = {
  async fetch(request) {
    const ctx = createExecutionContext();
    const response = await app.fetch(request, env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  },
};
const client = () => testClient(target, { origin: 'https://app.test' });
const newName = () => `props-${crypto.randomUUID().slice(0, 8)}`;
/** What a hand-written client would send to pass itself off as someone. */
const forged = { 'x-litflare-props': encodeURIComponent(stringify({ user: 'mallory', since: new Date(0) })) };

describe('app.websocket(…, { props })', () => {
  it('hands the Durable Object what the Worker decided, typed (devalue), in onConnect and receive, and after the state changes', async () => {
    const ws = await client().socket<EchoProtocol>(`/as/${newName()}?user=ada`);
    expect(await ws.next()).toMatchObject({ type: 'welcome' });
    const props = { user: 'ada', since: new Date(Date.UTC(2026, 0, 1)) };
    ws.send({ type: 'props' });
    expect(await ws.next()).toEqual({ type: 'props', props, note: undefined, atConnect: props });
    // partyserver rewrites the attachment on setState: the props stay.
    ws.send({ type: 'remember', note: 'hello' });
    ws.send({ type: 'props' });
    expect(await ws.next()).toEqual({ type: 'props', props, note: 'hello', atConnect: props });
    ws.close();
  });

  it('keeps them in the WebSocket attachment, which outlives hibernation', async () => {
    const name = newName();
    const ws = await client().socket<EchoProtocol>(`/as/${name}?user=grace`);
    await ws.next();
    const stored = await runInDurableObject(env.ECHO.getByName(name), (_instance, state) =>
      // The platform's own attachment (partyserver's connection answers with the state alone).
      state.getWebSockets().map((socket) => (WebSocket.prototype.deserializeAttachment.call(socket) as Record<string, unknown>)['__lf_props']),
    );
    expect(stored).toEqual([stringify({ user: 'grace', since: new Date(Date.UTC(2026, 0, 1)) })]);
    ws.close();
  });

  it('never takes them from the client: a forged header is dropped, with props or without', async () => {
    const withProps = await client().socket<EchoProtocol>(`/as/${newName()}?user=ada`, { headers: forged });
    await withProps.next();
    withProps.send({ type: 'props' });
    expect(await withProps.next()).toMatchObject({ props: { user: 'ada' } });
    withProps.close();

    const without = await client().socket<EchoProtocol>(`/plain/${newName()}`, { headers: forged });
    await without.next();
    without.send({ type: 'props' });
    expect(await without.next()).toEqual({ type: 'props', props: undefined, note: undefined, atConnect: undefined });
    without.close();
  });

  it('refuses the upgrade with the status of a ServerError the props function throws', async () => {
    const refused = await client().fetch(`/as/${newName()}?user=nobody`, { headers: { upgrade: 'websocket' } });
    expect(refused.status).toBe(401);
    expect(refused.webSocket).toBeNull();
  });

  it('fails the upgrade, naming the route, when the props are too large for the attachment', async () => {
    const failed = await client().fetch(`/huge/${newName()}`, { headers: { upgrade: 'websocket' } });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toMatch(/litflare: app\.websocket\(&quot;\/huge\/:name&quot;\): props are \d{4} characters as devalue; at most 1024 fit/);
  });
});
