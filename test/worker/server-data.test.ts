import { decodeHydrationPayload } from '../../src/shared/hydration.js';
import { html } from 'lit';
import { createApp } from 'litflare/worker';
import { describe, expect, it } from 'vitest';
import './fixtures/data-probes.js';
import { calls, release } from './fixtures/latches.js';
import { readChunks } from './fixtures/read.js';
import { testShell } from './fixtures/shell.js';

const app = createApp({ shell: testShell, dev: false, dataTimeout: 100 });
app.page('/probes', (c) => {
  const tokens = c.req.queries('t') ?? [];
  return html`<main>${tokens.map((t) => html`<data-probe token=${t} value=${`value ${t}`}></data-probe>`)}</main>`;
});
app.page('/nested', (c) => html`<nested-probe token=${c.req.query('outer')!} inner=${c.req.query('inner')!}></nested-probe>`);
app.page('/refused', (c) => html`<refuse-probe token=${c.req.query('t')!}></refuse-probe>`);
app.page('/never', () => html`<never-probe></never-probe>`);
app.page('/static', () => html`<p>nothing to load</p>`);

const token = (name: string) => `${name}-${crypto.randomUUID()}`;
const decoder = new TextDecoder();

/** Reads a streamed page chunk by chunk. */
async function open(path: string) {
  const response = await app.request(path);
  const reader = response.body!.getReader();
  let html = '';
  return {
    response,
    /** Everything received so far, after reading one more chunk. */
    async next(): Promise<string> {
      const { done, value } = await reader.read();
      if (!done) html += decoder.decode(value, { stream: true });
      return html;
    },
    async rest(): Promise<string> {
      for (let step = await reader.read(); !step.done; step = await reader.read()) html += decoder.decode(step.value, { stream: true });
      return html;
    },
  };
}

describe('server data streams out of order', () => {
  it('sends the shell with the pending state at once, and the element’s data later', async () => {
    const a = token('a');
    const page = await open(`/probes?t=${a}`);
    expect(page.response.status).toBe(200);
    const shell = await page.next();
    // The slow call is still waiting: the shell went out without it.
    expect(shell).toContain(`Loading <!--lit-part-->${a}<!--/lit-part-->…`);
    expect(shell).toMatch(/<data-probe[^>]* data-lf-b="0"/);
    expect(shell).not.toContain('Got ');
    expect(shell).not.toContain('<lf-b');
    release(a);
    const all = await page.rest();
    expect(all).toMatch(
      new RegExp(`<lf-b id="lf-b-0" hidden><template shadowroot="open" shadowrootmode="open">.*Got <!--lit-part-->value ${a}<!--/lit-part-->.*</template></lf-b>`, 's'),
    );
    expect(all).toMatch(/<script nonce="[\w+/=]+">self\.__lf=function\(i\)\{.*\};__lf\(0\)<\/script><\/body><\/html>$/s);
  });

  it('carries each result in the hydration data, keyed by server function and arguments', async () => {
    const a = token('a');
    const page = await open(`/probes?t=${a}`);
    release(a);
    const all = await page.rest();
    const scripts = [...all.matchAll(/<script type="application\/litflare\+devalue">(.*?)<\/script>/g)].map((m) => decodeHydrationPayload(m[1]!));
    const data = Object.assign({}, ...scripts.map((s) => s.data ?? {}));
    const entries = Object.entries(data);
    expect(entries).toHaveLength(1);
    expect(entries[0]![0]).toMatch(new RegExp(`^[\\w-]{16}\\[\\[1,2\\],"${a}","value ${a}"\\]$`));
    expect(entries[0]![1]).toEqual({ value: `value ${a}` });
  });

  it('streams boundaries in the order their data arrives', async () => {
    const [a, b, c] = [token('a'), token('b'), token('c')];
    const page = await open(`/probes?t=${a}&t=${b}&t=${c}`);
    await page.next();
    release(c);
    release(a);
    const afterTwo = await page.next();
    release(b);
    const all = await page.rest();
    const order = [...all.matchAll(/<lf-b id="lf-b-(\d)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([2, 0, 1]);
    expect(afterTwo).toContain('lf-b-2');
    expect(all.match(/self\.__lf=function/g)).toHaveLength(1);
  });

  it('calls once for the same function and arguments, however many elements load them', async () => {
    const a = token('dup');
    const page = await open(`/probes?t=${a}&t=${a}`);
    release(a);
    const all = await page.rest();
    expect(calls.get(a)).toBe(1);
    expect(all.match(/<lf-b /g)).toHaveLength(2);
  });

  it('streams a nested boundary after the boundary that revealed it', async () => {
    const [outer, inner] = [token('outer'), token('inner')];
    const page = await open(`/nested?outer=${outer}&inner=${inner}`);
    const shell = await page.next();
    expect(shell).toContain('Outer loading…');
    release(outer);
    const middle = await page.next();
    expect(middle).toContain(`Loading <!--lit-part-->${inner}<!--/lit-part-->…`);
    expect(middle).toMatch(/<lf-b id="lf-b-0"[\s\S]*<data-probe[^>]* data-lf-b="1"/);
    release(inner);
    const all = await page.rest();
    expect(all.indexOf('lf-b-1')).toBeGreaterThan(all.indexOf('lf-b-0'));
    expect(all).toContain('Got <!--lit-part-->inner<!--/lit-part-->');
  });

  it('renders the error state for a ServerError, and carries the error', async () => {
    const t = token('no');
    const page = await open(`/refused?t=${t}`);
    release(t);
    const all = await page.rest();
    expect(all).toContain(`Refused <!--lit-part-->403<!--/lit-part-->: <!--lit-part-->Not for you &lt;${t}&gt;<!--/lit-part-->`);
    const data = [...all.matchAll(/<script type="application\/litflare\+devalue">(.*?)<\/script>/g)]
      .map((m) => decodeHydrationPayload(m[1]!).data ?? {})
      .flatMap((entries) => Object.values(entries));
    expect(data).toEqual([{ error: { status: 403, message: `Not for you <${t}>`, data: { token: t } } }]);
  });

  it('ends a call that never settles with the error state after the timeout, and completes the page', async () => {
    const all = await (await open('/never')).rest();
    expect(all).toContain('Gave up <!--lit-part-->504<!--/lit-part-->: <!--lit-part-->The data did not arrive within 100 ms.');
    expect(all.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('sends a page with nothing to load in one chunk, with no swap script', async () => {
    const chunks = await readChunks(await app.request('/static'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).not.toContain('__lf');
    expect(chunks[0]).not.toContain('<lf-b');
  });

  it('sends a page that streams data unencoded, so no compressor holds its shell back', async () => {
    const a = token('enc');
    const page = await open(`/probes?t=${a}`);
    expect(page.response.headers.get('content-encoding')).toBe('identity');
    release(a);
    await page.rest();
    expect((await app.request('/static')).headers.has('content-encoding')).toBe(false);
    const compressing = createApp({ shell: testShell, compressStreamedPages: true });
    compressing.page('/probes', () => html`<data-probe token=${a} value="x"></data-probe>`);
    expect((await compressing.request('/probes')).headers.has('content-encoding')).toBe(false);
  });

  it('keeps concurrent pages’ data apart', async () => {
    const tokens = Array.from({ length: 20 }, (_, i) => token(`p${i}`));
    const pages = await Promise.all(tokens.map((t) => open(`/probes?t=${t}`)));
    tokens.slice().reverse().forEach(release);
    const bodies = await Promise.all(pages.map((p) => p.rest()));
    bodies.forEach((body, i) => {
      expect(body).toContain(`Got <!--lit-part-->value ${tokens[i]}<!--/lit-part-->`);
      for (const other of tokens) if (other !== tokens[i]) expect(body).not.toContain(other);
    });
  });
});
