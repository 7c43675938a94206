/// <reference types="mocha" />
import { expect } from 'chai';
import type { XssCard } from './fixtures/xss-card.js';
import { xssPayloads } from './fixtures/xss-payloads.js';
import { hydrate, loadServerPage, settled } from './support/ssr.js';

/** Which payloads ran: each calls `top.xssHit(n)` if it ever executes. */
const hits: number[] = [];
(window as unknown as { xssHit: (n: number) => void }).xssHit = (n) => hits.push(n);

/** Lets anything a payload scheduled (load and error events, autofocus, animations) fire. */
const eventsFire = () => new Promise((resolve) => setTimeout(resolve, 300));

const shadow = (card: Element, selector: string) => card.shadowRoot!.querySelector(selector);
const text = (card: Element, selector: string) => shadow(card, selector)?.textContent ?? null;

/** What a card shows of its text, in every place it puts it. */
function shown(card: XssCard) {
  return {
    attribute: shadow(card, '.attribute')?.getAttribute('title'),
    attributeText: text(card, '.attribute'),
    property: text(card, '.property'),
    list: text(card, '.list li'),
    mapKey: text(card, '.map dt'),
    mapValue: shadow(card, '.map dd')?.getAttribute('title'),
    slotted: (shadow(card, 'slot') as HTMLSlotElement).assignedNodes().map((node) => node.textContent).join(''),
    result: text(card, '.result'),
    resultAttribute: shadow(card, '.result')?.getAttribute('data-text'),
    error: text(card, '.error'),
  };
}

const expected = (payload: string, slotted = payload) => ({
  attribute: payload,
  attributeText: payload,
  property: payload,
  list: payload,
  mapKey: payload,
  mapValue: payload,
  slotted,
  result: payload,
  resultAttribute: payload,
  error: payload,
});

describe(`XSS: ${xssPayloads.length} known payloads in every place a page shows data`, () => {
  it('execute nowhere: server-rendered, streamed in, hydrated, and re-rendered with server calls', async () => {
    expect(xssPayloads.length).to.be.at.least(50);
    hits.length = 0;

    // Rendered by the server: attributes, properties (and their hydration data), slotted text, the title;
    // results and error messages streamed in later and swapped into place by the inline script.
    const frame = await loadServerPage('xss');
    const doc = frame.contentDocument!;
    await eventsFire();
    expect(hits, 'server-rendered').to.deep.equal([]);
    expect(doc.querySelectorAll('lf-b')).to.have.length(0);
    expect(doc.title).to.equal(xssPayloads[0]);
    const cards = [...doc.querySelectorAll<XssCard>('xss-card')];
    expect(cards).to.have.length(xssPayloads.length);
    // The hydration data carried every property and result: hydration reproduces them without a call.
    const win = await hydrate(frame);
    await eventsFire();
    expect(hits, 'hydrated').to.deep.equal([]);
    cards.forEach((card, i) => expect(shown(card), `payload ${i}`).to.deep.equal(expected(xssPayloads[i]!)));
    expect(win.litflareFetched!.filter((url) => url.includes('/_lf/rpc/'))).to.deep.equal([]);

    // Re-rendered in the browser: new attributes, properties and slotted text; new arguments call the server.
    const next = (i: number) => xssPayloads[(i + 1) % xssPayloads.length]!;
    cards.forEach((card, i) => {
      card.label = next(i);
      card.item = { text: next(i), list: [next(i)], map: new Map([[next(i), next(i)]]) };
      card.textContent = next(i);
    });
    await waitFor(() => cards.every((card, i) => card.result.value?.text === next(i) && card.failure.error?.message === next(i)));
    await settled(doc);
    await eventsFire();
    expect(hits, 're-rendered').to.deep.equal([]);
    cards.forEach((card, i) => expect(shown(card), `payload ${i + 1}`).to.deep.equal(expected(next(i))));
    expect(win.litflareFetched!.filter((url) => url.includes('/_lf/rpc/'))).to.have.length(2 * xssPayloads.length);
    expect(win.litflareLogged).to.deep.equal([]);

    // The control: the same payloads put into the same page as markup, unescaped, do run
    // within the same wait, so the checks above would have seen any that ran.
    for (const payload of xssPayloads) doc.body.insertAdjacentHTML('beforeend', `<div class="raw">${payload}</div>`);
    await eventsFire();
    // Image and media errors, a toggled <details>: the events that fire without user action.
    expect(hits, 'raw markup').to.include.members([2, 3, 4, 5, 13, 14, 15]);
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
