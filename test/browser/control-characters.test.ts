/// <reference types="mocha" />
import { expect } from 'chai';
import type { XssCard } from './fixtures/xss-card.js';
import { childListChanges, hydrate, loadServerPage, settled, watchShadowTrees } from './support/ssr.js';

// Texts with the characters the HTML parser changes (CR and CRLF become LF,
// NUL becomes U+FFFD in attributes and vanishes from text) or that UTF-8
// cannot carry (lone surrogates), and the other control characters. The
// server must see an attribute as the browser will read it back, or an
// element's server data is keyed differently on each side: the browser calls
// again, and hydration shows the card's content twice.
const c0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
const c0Parsed = c0.replace('\0', '\uFFFD').replace('\r', '\n');
/** Each text, and what the browser reads back from it as an attribute value. */
const cases: [text: string, parsed: string][] = [
  ['Os\0lo', 'Os\uFFFDlo'],
  ['Os\rlo', 'Os\nlo'],
  ['Os\r\nlo', 'Os\nlo'],
  ['Os\n\rlo', 'Os\n\nlo'],
  ['lone \uD800 high', 'lone \uFFFD high'],
  ['lone \uDC00 low', 'lone \uFFFD low'],
  ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
  [`all ${c0}\x7f controls`, `all ${c0Parsed}\x7f controls`],
  ['plain', 'plain'],
];
const texts = cases.map(([text]) => text);

const shadow = (card: Element, selector: string) => card.shadowRoot!.querySelector(selector);

describe('control characters in attributes, properties and text, in Chromium', () => {
  it('render, hydrate without a mismatch or a second copy, keep their server data, and keep working', async () => {
    const frame = await loadServerPage('controls', { texts });
    const doc = frame.contentDocument!;
    const cards = [...doc.querySelectorAll<XssCard>('xss-card')];
    expect(cards).to.have.length(texts.length);
    const mutations = watchShadowTrees(doc.body);
    const win = await hydrate(frame);

    // Hydration kept the server's DOM (nothing added, nothing rendered twice) and called no server function.
    expect(childListChanges(mutations())).to.deep.equal([]);
    expect(win.litflareFetched!.filter((url) => url.includes('/_lf/rpc/'))).to.deep.equal([]);
    expect(win.litflareLogged).to.deep.equal([]);
    cards.forEach((card, i) => {
      const parsed = cases[i]![1];
      // The attribute as the parser read it, and the server data the server loaded for exactly that.
      expect(card.getAttribute('label'), `label ${i}`).to.equal(parsed);
      expect(card.label, `label ${i}`).to.equal(parsed);
      expect(card.result.status, `result ${i}`).to.equal('complete');
      expect(card.result.value?.text, `result ${i}`).to.equal(parsed);
      expect(shadow(card, '.result')?.getAttribute('data-text'), `result ${i}`).to.equal(parsed);
      expect(shadow(card, '.attribute')!.getAttribute('title'), `title ${i}`).to.equal(parsed);
      expect(card.failure.error?.message, `error ${i}`).to.equal(parsed);
      // A property travels in the hydration data, exactly.
      expect(card.item?.text, `property ${i}`).to.equal(texts[i]);
      expect(shadow(card, '.result ~ b, .result + b')).to.not.equal(null);
      expect(card.shadowRoot!.querySelectorAll('.result')).to.have.length(1);
    });

    // The cards still work: a new label loads its data once and shows it.
    cards.forEach((card, i) => (card.label = `next ${i}`));
    await waitFor(() => cards.every((card, i) => card.result.value?.text === `next ${i}`));
    await settled(doc);
    cards.forEach((card, i) => {
      expect(shadow(card, '.result')?.textContent).to.equal(`next ${i}`);
      expect(card.shadowRoot!.querySelectorAll('.result')).to.have.length(1);
    });
    expect(win.litflareLogged).to.deep.equal([]);
    frame.remove();
  });
});

async function waitFor(condition: () => boolean, timeout = 8000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error('timed out waiting for the server calls');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
