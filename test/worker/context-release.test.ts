import { html } from 'lit';
import { createApp, kv, request, waitUntil } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import { readChunks } from './fixtures/read.js';
import { renderProbes } from './fixtures/render-probe.js';
import { rowsPage } from './fixtures/rows.js';
import { send } from './fixtures/send.js';
import { testShell } from './fixtures/shell.js';

/** What code started by a request saw later: the request's URL, or the error an accessor threw. */
const later = new Map<string, string>();
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const whereAmI = () => {
  try {
    return new URL(request().url).pathname;
  } catch (error) {
    return (error as Error).message;
  }
};
const OUTSIDE = /^litflare: request\(\) was called outside a request/;

renderProbes.set('timer-while-streaming', () => {
  setTimeout(() => later.set('streamed', whereAmI()), 30);
  return 'started';
});

const app = createApp({ shell: testShell });
app.get('/timer', (c) => {
  // Work nobody waits for: it outlives the request.
  setTimeout(() => later.set('timer', whereAmI()), 30);
  return c.text('answered');
});
app.get('/wait-until', (c) => {
  waitUntil(
    (async () => {
      await wait(30);
      await kv('CACHE').put('context-release', whereAmI());
      later.set('waitUntil', whereAmI());
    })(),
  );
  return c.text('answered');
});
app.page('/streamed', () => html`${rowsPage(3000)}<render-probe name="timer-while-streaming"></render-probe>`);

// The defect: Hono's contextStorage() kept each request's context in the async context, and in workerd
// every request's context then stayed in memory for good (the soak in test/stress saw +10 KB per request).
describe('the request context is let go once the request is over', () => {
  it('code a request started but nobody waits for no longer holds it afterwards', async () => {
    expect(await (await send(app, '/timer')).text()).toBe('answered');
    await wait(60);
    expect(later.get('timer')).toMatch(OUTSIDE);
  });

  it('work given to waitUntil() keeps it until that work settles', async () => {
    await send(app, '/wait-until'); // send() waits for the ExecutionContext's waitUntil work
    expect(later.get('waitUntil')).toBe('/wait-until');
  });

  it('a streamed page keeps it until its last chunk, then lets go', async () => {
    const page = (await readChunks(await send(app, '/streamed'))).join('');
    expect(page).toContain('started');
    await wait(60);
    expect(later.get('streamed')).toMatch(OUTSIDE);
  });
});
