/// <reference types="mocha" />
import { expect } from 'chai';
import type { IdleIsland } from './fixtures/idle-island.js';
import { hydrate, loadServerPage, watchShadowTrees, childListChanges } from './support/ssr.js';

describe('an idle island in Chromium', () => {
  it('is server-rendered deferred, loads its code once the browser is idle, then hydrates in place', async () => {
    const frame = await loadServerPage('idleIsland');
    const doc = frame.contentDocument!;
    const island = doc.querySelector('idle-island')!;
    expect(island.hasAttribute('defer-hydration')).to.equal(true);
    const button = island.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.equal('clicked 2');
    const mutations = watchShadowTrees(doc.body);

    const win = await hydrate(frame, '/test/browser/fixtures/client-entry-islands.ts');
    expect((win as unknown as { definedAtStart: boolean }).definedAtStart).to.equal(false);
    await (island as IdleIsland).updateComplete;
    expect(island.hasAttribute('defer-hydration')).to.equal(false);
    expect(island.shadowRoot!.querySelector('button')).to.equal(button);
    expect(childListChanges(mutations())).to.deep.equal([]);
    button.click();
    await (island as IdleIsland).updateComplete;
    expect(button.textContent).to.equal('clicked 3');
    expect(win.litflareLogged).to.deep.equal([]);
    frame.remove();
  });
});
