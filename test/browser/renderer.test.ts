/// <reference types="mocha" />
import { expect } from 'chai';
import type { RenderTable } from './fixtures/render-client.js';
import { renderCases } from '../support/render-cases.js';
import { deep, hydrate, loadFrame, watchShadowTrees, childListChanges } from './support/ssr.js';

// The renderer's table in Chromium: each case is server-rendered by litflare's
// renderer, hydrated with the same arguments, then re-rendered with each next
// set. After every step the DOM must equal a fresh client render of the same
// arguments, and the stable nodes must still be the very nodes the server sent.

/** The DOM as text: elements, attributes, text and shadow roots; no comments, no <style> (the client adopts styles). */
function serialize(node: Node): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += (child as Text).data;
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as HTMLElement;
    const tag = element.localName;
    if (tag === 'style') continue;
    out += `<${tag}${attributes(element)}>`;
    if (element.shadowRoot !== null) out += `#shadow(${serialize(element.shadowRoot)})`;
    if (tag !== 'template') out += serialize(element);
    out += `</${tag}>`;
  }
  return out;
}

function attributes(element: HTMLElement): string {
  const written: string[] = [];
  for (const { name, value } of element.attributes) {
    if (name === 'defer-hydration') continue;
    // An input's value attribute is what the server reflects `.value` to; compare the live value instead.
    if (name === 'value' && element.localName === 'input') continue;
    if (name === 'class') written.push(`class="${[...element.classList].sort().join(' ')}"`);
    else if (name === 'style') written.push(`style="${element.style.cssText}"`);
    else written.push(`${name}="${value}"`);
  }
  // (The frame is another realm: compare tag names, not classes.)
  if (element.localName === 'input') {
    const input = element as HTMLInputElement;
    written.push(`:value="${input.value}"`, `:checked=${input.checked}`);
  }
  return written.sort().map((attribute) => ` ${attribute}`).join('');
}

const stableNodes = (root: HTMLElement, selectors: string[]) => selectors.map((selector) => deep(root, ...selector.split(' >>> ')));

describe('the renderer’s table in Chromium: server render, hydrate, re-render', () => {
  for (const [name, entry] of Object.entries(renderCases)) {
    if (entry.serverOnly !== undefined) continue;
    it(name, async () => {
      const frame = await loadFrame(`/__render?case=${name}`);
      const root = frame.contentDocument!.getElementById('root')!;
      const stable = entry.stable ?? [];
      const served = stableNodes(root, stable);
      const mutations = watchShadowTrees(root);
      const win = await hydrate(frame, '/test/browser/fixtures/render-client.ts');
      const table = (win as typeof win & { renderTable: RenderTable }).renderTable;
      // Hydration keeps the server's DOM: nothing inside any shadow root was replaced. The one
      // addition allowed is an empty text node in a part the server rendered empty (litflare's
      // fix for Lit writing later text into the closing marker).
      expect(childListChanges(mutations())).to.deep.equal([]);
      for (let step = 0; step < entry.args.length; step++) {
        if (step > 0) await table.rerender(step);
        const fresh = await table.fresh(step);
        expect(serialize(root), `step ${step}`).to.equal(serialize(fresh));
        fresh.remove();
        const now = stableNodes(root, stable);
        now.forEach((node, i) => expect(node === served[i], `${stable[i]} at step ${step}`).to.equal(true));
      }
      expect(win.litflareLogged).to.deep.equal([]);
      frame.remove();
    });
  }
});
