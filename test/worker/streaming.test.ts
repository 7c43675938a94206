import { html } from 'lit';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import { readChunks } from './fixtures/read.js';
import { renderLog, rowsPage } from './fixtures/rows.js';
import { testShell } from './fixtures/shell.js';
import './fixtures/context-probe.js';

const app = createApp({ shell: testShell });
app.page('/rows', (c) => rowsPage(Number(c.req.query('n'))));

describe('streaming SSR', () => {
  it('sends the first chunk of a large page before the last row has been rendered', async () => {
    renderLog.rows = 0;
    const response = await app.request('/rows?n=5000');
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const renderedWhenFirstChunkArrived = renderLog.rows;
    expect(renderedWhenFirstChunkArrived).toBeGreaterThan(0);
    expect(renderedWhenFirstChunkArrived).toBeLessThan(5000);
    // Pull-based: nothing more renders while nobody reads.
    const wait = () => new Promise((resolve) => setTimeout(resolve, 20));
    await wait();
    expect(renderLog.rows).toBe(renderedWhenFirstChunkArrived);
    // The control: over the same wait, a read makes rows render (so the wait above would have seen them).
    const pending = reader.read();
    await wait();
    expect(renderLog.rows).toBeGreaterThan(renderedWhenFirstChunkArrived);
    const second = await pending;
    expect(second.done).toBe(false);

    const decoder = new TextDecoder();
    let html = decoder.decode(first.value, { stream: true }) + decoder.decode(second.value, { stream: true });
    let chunks = 2;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks++;
      html += decoder.decode(next.value, { stream: true });
    }
    expect(renderLog.rows).toBe(5000);
    expect(chunks).toBeGreaterThan(1);
    expect(html).toContain('row <!--lit-part-->4999<!--/lit-part-->');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('buffers what renders synchronously into a few large chunks, not one per string', async () => {
    const chunks = await readChunks(await app.request('/rows?n=5000'));
    const html = chunks.join('');
    // Lit yields tens of thousands of strings for this page; the stream sends a handful of chunks.
    expect(html.length).toBeGreaterThan(400_000);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(html.length / 65_536) + 2);
    expect(chunks[0]!.length).toBeGreaterThanOrEqual(16_384);
  });

  it('sends a small page in a single chunk', async () => {
    const chunks = await readChunks(await app.request('/rows?n=3'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toContain('row <!--lit-part-->2<!--/lit-part-->');
  });

  it('renders concurrent pages independently', async () => {
    const sizes = [10, 2000, 50, 700];
    const pages = await Promise.all(sizes.map(async (n) => (await readChunks(await app.request(`/rows?n=${n}`))).join('')));
    pages.forEach((html, i) => {
      const rows = html.match(/<test-row/g) ?? [];
      expect(rows).toHaveLength(sizes[i]!);
    });
  });
});

describe('request context while streaming', () => {
  const probeApp = createApp({ shell: testShell });
  probeApp.page('/probe', () => html`${rowsPage(3000)}<context-probe></context-probe>`);

  it('is the page’s own request even for elements rendered after the first chunk, with requests interleaved', async () => {
    const readers = ['alice', 'bob', 'carol'].map(async (who) => ({
      who,
      reader: (await probeApp.request(`/probe?who=${who}`)).body!.getReader(),
    }));
    const open = await Promise.all(readers);
    const decoder = new TextDecoder();
    const pages = new Map(open.map(({ who }) => [who, '']));
    // Read one chunk from each in turn, so their renders interleave in the isolate.
    let active = open;
    while (active.length > 0) {
      const next = [];
      for (const entry of active) {
        const { done, value } = await entry.reader.read();
        if (done) continue;
        pages.set(entry.who, pages.get(entry.who)! + decoder.decode(value));
        next.push(entry);
      }
      active = next;
    }
    for (const [who, page] of pages) {
      expect(page).toContain(`<output><!--lit-part-->${who}<!--/lit-part--></output>`);
    }
  });
});
