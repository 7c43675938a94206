import { stringify } from 'devalue';
import { html } from 'lit';
import { serverFnMeta } from 'litflare';
import { createApp, kvSessionStore, session } from 'litflare/worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import './fixtures/data-probes.js';
import { calls, release } from './fixtures/latches.js';
import * as fns from './fixtures/rpc.server.js';
import { proxyFor, useApp } from './fixtures/rpc-client.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

/** Unhandled rejections anywhere in the Worker while these tests run. */
const unhandled: unknown[] = [];
const record = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
beforeAll(() => addEventListener('unhandledrejection', record));
afterAll(() => removeEventListener('unhandledrejection', record));

const app = createApp({ shell: testShell, dev: false, session: { store: kvSessionStore('SESSIONS') } });
// A boundary whose element, once its data arrives, renders another that loads more; and one whose call fails.
app.page('/page', async (c) => {
  (await session()).set('visited', c.req.query('outer') ?? '');
  return html`
    <nested-probe token=${c.req.query('outer') ?? ''} inner=${c.req.query('inner') ?? ''}></nested-probe>
    <refuse-probe token=${c.req.query('refused') ?? ''}></refuse-probe>
  `;
});

const token = (name: string) => `${name}-${crypto.randomUUID()}`;
/** Lets the Worker run what it has queued (timers, promise jobs, stream pulls). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * Requests the page and reads its first chunk: the shell with the pending
 * states. `disconnect` is what the runtime does when the client goes away:
 * it cancels the response body.
 */
async function openPage(outer: string, inner: string, refused: string) {
  const response = await send(app, `/page?outer=${outer}&inner=${inner}&refused=${refused}`);
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  return { first, reader, disconnect: () => reader.cancel(new Error('the client went away')) };
}

describe('a client that disconnects mid-stream', () => {
  it('(control) a client that stays: the nested element renders and starts its own call', async () => {
    const [outer, inner, refused] = [token('outer'), token('inner'), token('refused')];
    const { first, reader } = await openPage(outer, inner, refused);
    expect(first).toContain('Outer loading…');
    release(outer);
    release(refused);
    const read = (async () => {
      let rest = '';
      for (let step = await reader.read(); !step.done; step = await reader.read()) rest += new TextDecoder().decode(step.value);
      return rest;
    })();
    await vi.waitFor(() => expect(calls.get(inner)).toBe(1));
    release(inner);
    const rest = await read;
    expect(rest).toContain('Got <!--lit-part-->inner');
    expect(rest).toContain('Refused <!--lit-part-->403');
  });

  it('stops the page: nothing more renders and no new call starts; failures after it are no unhandled rejection', async () => {
    const [outer, inner, refused] = [token('outer'), token('inner'), token('refused')];
    const { first, disconnect } = await openPage(outer, inner, refused);
    expect(first).toContain('Outer loading…');
    expect(calls.get(outer)).toBe(1);
    await disconnect();
    // The data arrives after the client left: one call succeeds, one fails.
    release(outer);
    release(refused);
    await settle();
    await settle();
    expect(calls.get(inner)).toBeUndefined();
    expect(unhandled).toEqual([]);
  });

  it('stops a streamed result: the generator is ended (its finally runs) and produces nothing more', async () => {
    useApp(app);
    const name = token('count');
    const response = await send(app, `/_lf/rpc/${serverFnMeta(fns.count)!.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-litflare+json' },
      body: stringify([name, 1_000_000, 1]),
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(stringify([0, 0]) + '\n');
    await reader.cancel(new Error('the client went away'));
    await vi.waitFor(async () => expect(await proxyFor(fns.finallyRan)(name)).toBe(true));
    expect(unhandled).toEqual([]);
  });
});
