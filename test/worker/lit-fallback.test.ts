// When Lit's private API changes under litflare's renderer, pages render with
// @lit-labs/ssr's renderer instead. Simulated here with a seam built from
// lit-html's `_$LH` without `getTemplateHtml` (Lit's own module is untouched):
// the fallback writes what @lit-labs/ssr writes for every case of the
// renderer's table, warns once, and keeps litflare's page features.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { _$LE } from 'lit-element/private-ssr-support.js';
import { _$LH } from 'lit-html/private-ssr-support.js';
import { reflectedAttributeName } from '@lit-labs/ssr/lib/reflected-attributes.js';
import { createApp } from 'litflare/worker';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createLitSeam, useLitSeam } from '../../src/worker/renderer/lit-seam.js';
import { pageRenderer } from '../../src/worker/renderer/page-renderer.js';
import { ChunkWriter } from '../../src/worker/page/chunk-writer.js';
import { renderCases } from '../support/render-cases.js';
import './fixtures/data-probes.js';
import './fixtures/failing.js';
import { rowsPage } from './fixtures/rows.js';
import { release } from './fixtures/latches.js';
import { testShell } from './fixtures/shell.js';

const { getTemplateHtml: _dropped, ...litHtmlWithoutTemplateHtml } = _$LH;
const changedLit = createLitSeam({ litHtml: litHtmlWithoutTemplateHtml, litElement: _$LE, reflectedAttributeName });

/** A value rendered the way a page renders it (the renderer the seam check chose), to one string. */
async function renderForPage(value: unknown): Promise<string> {
  const writer = new ChunkWriter([pageRenderer().render(value)]);
  let out = '';
  for (;;) {
    const stop = writer.fill(1 << 30);
    out += writer.take();
    if (stop.kind === 'done') return out;
    if (stop.kind === 'wait') await stop.until;
  }
}

/** The outcome of a render: its markup, or the error it threw. */
const outcome = (render: () => Promise<string>) => render().then((markup) => ({ markup }), (error: unknown) => ({ error: String(error) }));

let warn: MockInstance<typeof console.warn>;
let restore: () => void;
beforeAll(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  restore = useLitSeam(changedLit);
});
afterAll(() => {
  restore();
  warn.mockRestore();
});

const fallbackWarnings = () => warn.mock.calls.filter(([message]) => String(message).startsWith('litflare: its renderer cannot run'));

describe('pages when Lit’s private API has changed', () => {
  it('are rendered by @lit-labs/ssr: every case of the renderer’s table, byte for byte (its errors too)', async () => {
    expect(changedLit.missing).toEqual(['_$LH.getTemplateHtml']);
    for (const [name, entry] of Object.entries(renderCases)) {
      for (const args of entry.args) {
        const ours = await outcome(() => renderForPage(entry.render(...args)));
        const lits = await outcome(() => collectResult(render(entry.render(...args))));
        expect(ours, `${name}(${JSON.stringify(args)})`).toEqual(lits);
      }
    }
    // So Lit's known faults come back: an event from inside a shadow root misses its host.
    expect(await renderForPage(renderCases.eventPath!.render('from the provider'))).toContain('<span><!--lit-part-->(none)<!--/lit-part--></span>');
  });

  it('warn once, naming what is missing and that @lit-labs/ssr renders instead', async () => {
    await renderForPage(html`<p>${'again'}</p>`);
    expect(fallbackWarnings()).toHaveLength(1);
    const [message] = fallbackWarnings()[0]!;
    expect(message).toContain('_$LH.getTemplateHtml is missing');
    expect(message).toContain("Pages are rendered with @lit-labs/ssr's renderer instead");
  });
});

describe('litflare’s page features in the fallback', () => {
  const app = createApp({ shell: testShell, dev: false, islands: { 'rc-card': 'idle' } });
  // Page-level properties (hydration data), an island, an element nested in another's shadow root, a server-data boundary.
  app.page(
    '/features',
    (c) =>
      html`<main><rc-card label="top" .data=${{ tags: ['x', 'y'] }}></rc-card><rc-nested .items=${['n']}></rc-nested
        ><data-probe token=${c.req.query('t')!} value="v"></data-probe></main>`,
  );
  // A boundary whose streamed markup holds another boundary.
  app.page('/nested', (c) => html`<nested-probe token=${c.req.query('outer')!} inner=${c.req.query('inner')!}></nested-probe>`);
  // An element that throws after the first chunk went out.
  app.page('/late-throw', () => html`${rowsPage(3000)}<section><test-failing fail></test-failing></section>`);

  /** The whole page (`{i}` in `path` is `tokens[i]`), its data released once the shell is out, with the per-response nonces and the tokens made equal. */
  async function page(path: string, tokens: string[]): Promise<string> {
    const response = await app.request(tokens.reduce((url, token, i) => url.replace(`{${i}}`, token), path));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let released = false;
    for (let step = await reader.read(); !step.done; step = await reader.read()) {
      text += decoder.decode(step.value, { stream: true });
      if (!released) tokens.forEach(release);
      released = true;
    }
    return tokens.reduce((all, token, i) => all.replaceAll(token, `token${i}`), text).replace(/nonce="[^"]*"/g, 'nonce=""');
  }

  /** The same page through litflare's renderer and through the fallback. */
  async function bothWays(path: string, count: number) {
    const tokens = () => Array.from({ length: count }, () => crypto.randomUUID());
    const fallback = await page(path, tokens());
    const back = useLitSeam(createLitSeam({ litHtml: _$LH, litElement: _$LE, reflectedAttributeName }));
    try {
      return { fallback, litflare: await page(path, tokens()) };
    } finally {
      back();
    }
  }

  it('the same page as litflare’s renderer: hydration data for page-level properties, islands, boundaries', async () => {
    const { fallback, litflare } = await bothWays('/features?t={0}', 1);
    expect(fallback).toBe(litflare);
    expect(fallback).toMatch(/<rc-card\s+label="top" data-lf-props defer-hydration>/);
    expect(fallback).toMatch(/<rc-nested\s+data-lf-props>.*<rc-card\s+label="n" count="0" defer-hydration>/s);
    expect(fallback).toMatch(/<script type="application\/litflare\+devalue">.*"x","y".*<\/script>/);
    expect(fallback).toMatch(/<data-probe\s+value="v" token="token0" data-lf-b="\d+">.*Loading/s);
    expect(fallback).toMatch(/<lf-b id="lf-b-\d+" hidden><template shadowroot="open" shadowrootmode="open">.*Got <!--lit-part-->v<!--\/lit-part-->.*<\/lf-b>/s);
  });

  it('to a bot (in order), streams out of order instead: the fallback cannot hold an element where it stands', async () => {
    const token = crypto.randomUUID();
    const response = await app.request(`/features?t=${token}`, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' } });
    release(token);
    const text = await response.text();
    expect(text).toMatch(/<data-probe[^>]* data-lf-b="\d+">.*Loading/s);
    expect(text).toMatch(/<lf-b id="lf-b-\d+" hidden>.*Got <!--lit-part-->v<!--\/lit-part-->/s);
  });

  it('the same nested boundaries as litflare’s renderer', async () => {
    const { fallback, litflare } = await bothWays('/nested?outer={0}&inner={1}', 2);
    expect(fallback).toBe(litflare);
    expect(fallback).toMatch(/<lf-b id="lf-b-0".*<data-probe\s+value="inner" token="token1" data-lf-b="1" defer-hydration>/s);
    expect(fallback).toMatch(/<lf-b id="lf-b-1".*Got <!--lit-part-->inner<!--\/lit-part-->/s);
  });

  it('the same end for a page that fails after its first chunk: the open elements closed, then the marker', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fallback, litflare } = await bothWays('/late-throw', 0);
    expect(fallback).toBe(litflare);
    expect(fallback).toMatch(/<test-failing[^>]*><template[^>]*><\/template><\/test-failing><div data-litflare-error role="alert"/);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
