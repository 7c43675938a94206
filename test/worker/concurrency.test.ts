import { html } from 'lit';
import { cookie, createApp, kv, kvSessionStore, request, session, setCookie } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import { readChunks } from './fixtures/read.js';
import { probeOutputs, renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { cookieHeader, send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

const REQUESTS = 500;

/** A random pause, so that requests interleave differently at every await. */
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 10));

/** Everything a request can read about itself, read through litflare's accessors. */
function whatThisRequestSees() {
  return {
    cookie: cookie('marker') ?? null,
    header: request().headers.get('x-marker'),
    query: new URL(request().url).searchParams.get('marker'),
  };
}

renderProbes.set('who-am-i', () => JSON.stringify(whatThisRequestSees()));

const app = createApp({ shell: testShell, session: { store: kvSessionStore('SESSIONS') } });
app.post('/login/:user', async (c) => {
  await pause();
  const s = await session<{ user: string }>();
  await pause();
  s.set('user', c.req.param('user'));
  return c.text('signed in');
});
app.get('/echo', async (c) => {
  await pause();
  const s = await session<{ user: string }>();
  await pause();
  await kv('CACHE').get(`concurrency:${c.req.query('marker')}`);
  const seen = whatThisRequestSees();
  await pause();
  setCookie('echo', seen.query ?? '');
  await pause();
  return c.json({ user: s.get('user') ?? null, ...seen, again: whatThisRequestSees() });
});
// The probe renders after the first chunk (the rows fill it), while other pages stream too.
app.page('/echo-page', async () => {
  await pause();
  const s = await session<{ user: string }>();
  await pause();
  setCookie('echo', whatThisRequestSees().query ?? '');
  return html`<p class="user">${s.get('user')}</p>${rowsPage(200)}<render-probe name="who-am-i"></render-probe>`;
});

describe(`${REQUESTS} concurrent requests in one isolate`, () => {
  it('each read back their own session, cookies and request: no cross-talk', async () => {
    const users = Array.from({ length: REQUESTS }, (_, i) => `user-${i}`);
    const sessions = await Promise.all(
      users.map(async (user) => cookieHeader(await send(app, `/login/${user}`, { method: 'POST' }))),
    );
    expect(new Set(sessions).size).toBe(REQUESTS);

    const results = await Promise.all(
      users.map(async (user, i) => {
        const marker = `marker-${i}-${crypto.randomUUID()}`;
        const path = i % 2 === 0 ? '/echo' : '/echo-page';
        const response = await send(app, `${path}?marker=${marker}`, {
          headers: { cookie: `${sessions[i]}; marker=${marker}`, 'x-marker': marker },
        });
        const echoed = response.headers.getSetCookie().find((line) => line.startsWith('echo='));
        const sees = { cookie: marker, header: marker, query: marker };
        const expected = { user, ...sees };
        if (path === '/echo') {
          return { seen: await response.json(), expected: { ...expected, again: sees }, echoed, marker };
        }
        const page = (await readChunks(response)).join('');
        const seen = {
          user: /<p class="user"><!--lit-part-->([^<]*)<!--\/lit-part--><\/p>/.exec(page)?.[1] ?? null,
          ...(JSON.parse(probeOutputs(page)[0] ?? '{}') as object),
        };
        return { seen, expected, echoed, marker };
      }),
    );

    const crossTalk = results.filter(
      ({ seen, expected, echoed, marker }) =>
        JSON.stringify(seen) !== JSON.stringify(expected) ||
        echoed !== `echo=${marker}; Path=/; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(results).toHaveLength(REQUESTS);
    expect(crossTalk).toEqual([]);
  }, 60_000); // 1,000 requests and 500 streamed pages: seconds on a loaded 2-core machine
});
