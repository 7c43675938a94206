/// <reference types="mocha" />
import { expect } from 'chai';
import { deep, hydrate, loadServerPage } from './support/ssr.js';

describe('an element the client never defines', () => {
  it('stays readable and styled from its declarative shadow root, with one clear warning in development', async () => {
    const frame = await loadServerPage('undefinedOnClient');
    const win = await hydrate(frame, '/test/browser/fixtures/client-entry-without-server-only.ts');
    const body = frame.contentDocument!.body;
    expect(win.customElements.get('server-only-element')).to.equal(undefined);
    const paragraph = deep(body, 'server-only-element', 'p');
    expect(paragraph.textContent).to.equal('Still readable');
    expect(win.getComputedStyle(paragraph).color).to.equal('rgb(11, 110, 79)');

    expect(win.litflareLogged).to.have.length(1);
    const [warning] = win.litflareLogged!;
    expect(warning!.level).to.equal('warn');
    expect(warning!.text).to.contain('<server-only-element> was rendered on the server but never defined in the browser');
    expect(warning!.text).to.contain("Import the element's module from your client entry");
    frame.remove();
  });
});
