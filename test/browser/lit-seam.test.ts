/// <reference types="mocha" />
import { expect } from 'chai';
import type { LfCounter } from '../../components/lf-counter.js';
import type { RenderTable } from './fixtures/render-client.js';
import { childListChanges, deep, hydrate, loadFrame, loadServerPage, watchShadowTrees } from './support/ssr.js';

// litflare's client seam (src/client/hydrate/lit-seam.ts): the flag Lit's
// hydrate support sets on an element about to hydrate, found whatever Lit
// names it; and, when Lit changed so that it cannot be found, hydration
// without litflare's fixes and one warning.

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

const track = (frame: HTMLIFrameElement) => (frames.push(frame), frame);
const seamWarnings = (logged: { level: string; text: string }[] | undefined) =>
  (logged ?? []).filter((entry) => entry.level === 'warn' && entry.text.startsWith('litflare: '));

describe('litflare’s client seam over Lit', () => {
  it('in a production build (Lit minifies its hydration flag), a text binding the server rendered empty shows its later text', async () => {
    const frame = track(await loadFrame('/__render?case=emptyTextInElement'));
    const win = await hydrate(frame, '/__prod/render-client.js');
    const table = (win as typeof win & { renderTable: RenderTable }).renderTable;
    const root = frame.contentDocument!.getElementById('root')!;
    const heading = deep(root, 'rc-card', 'h3');
    await table.rerender(1);
    expect(deep(root, 'rc-card', 'h3')).to.equal(heading);
    expect(heading.textContent).to.equal('shown');
    expect(win.litflareLogged).to.deep.equal([]);
  });

  it('when Lit’s hydrate support changed: pages still hydrate, litflare leaves update alone, and says so once', async () => {
    const frame = track(await loadServerPage('counter', { count: 5, step: 2 }));
    const body = frame.contentDocument!.body;
    const button = deep(body, 'lf-counter', 'button');
    const mutations = watchShadowTrees(body);
    const win = (await hydrate(frame, '/test/browser/fixtures/client-entry-changed-lit.ts')) as Awaited<ReturnType<typeof hydrate>> & {
      litUpdate: unknown;
      litElementClass: { prototype: Record<string, unknown> };
    };
    expect(childListChanges(mutations()), 'hydration changed no nodes').to.deep.equal([]);
    expect(deep(body, 'lf-counter', 'button')).to.equal(button);
    // Lit's own update, not wrapped by litflare.
    expect(win.litElementClass.prototype['update']).to.equal(win.litUpdate);
    (button as HTMLButtonElement).click();
    await body.querySelector<LfCounter>('lf-counter')!.updateComplete;
    expect(deep(body, 'lf-counter', 'output').textContent).to.equal('7');
    const warnings = seamWarnings(win.litflareLogged);
    expect(warnings.map((entry) => entry.text)).to.deep.equal([
      'litflare: Lit\'s hydrate support sets no hydration flag in createRenderRoot; its fixes to Lit\'s hydration are off (see "How pages are rendered" in its README).',
    ]);
    expect(win.litflareLogged!.filter((entry) => entry.level === 'error')).to.deep.equal([]);
  });
});
