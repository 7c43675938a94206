import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { createApp } from 'litflare/worker';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it, vi } from 'vitest';
import { TemplateRenderer } from '../../src/worker/renderer/renderer.js';
import { xssPayloads } from '../browser/fixtures/xss-payloads.js';
import { testShell } from './fixtures/shell.js';

// What the browser tests prove in Chromium (no payload ever runs), checked
// here on the markup itself with a real HTML parser (parse5, the one Lit's
// SSR uses): whatever the data, it parses back as the same data, in the same
// place, and adds no element, attribute or script.

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];

/** An element whose attributes litflare writes itself: one it reflects, one bound, one set while rendering. */
@customElement('escaping-card')
export class EscapingCard extends LitElement {
  @property({ reflect: true }) label = '';

  override willUpdate(): void {
    this.setAttribute('data-seen', this.label);
  }

  override render() {
    return html`<p>${this.label}</p>`;
  }
}

function render(value: unknown): string {
  const renderer = new TemplateRenderer(value);
  let out = '';
  for (let step = renderer.produce(Infinity); ; step = renderer.produce(Infinity)) {
    out += step.text;
    if (step.done) return out;
  }
}

const isElement = (node: Node): node is Element => 'tagName' in node;
/** Every element under `nodes`, template contents (shadow roots) included, in document order. */
function elements(nodes: Node[]): Element[] {
  return nodes.filter(isElement).flatMap((element) => [
    element,
    ...elements(element.childNodes),
    ...(element.tagName === 'template' ? elements((element as DefaultTreeAdapterMap['template']).content.childNodes) : []),
  ]);
}
const text = (element: Element) =>
  element.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : '')).join('');

describe('escaping, read back by an HTML parser', () => {
  it('a custom element’s attributes (reflected, bound, set while rendering) hold each payload as data', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(50);
    for (const payload of xssPayloads) {
      const found = elements(parseFragment(render(html`<escaping-card label=${payload} note=${payload}></escaping-card>`)).childNodes);
      expect(found.map((element) => element.tagName), payload).toEqual(['escaping-card', 'template', 'p']);
      const [card, , p] = found as [Element, Element, Element];
      expect(Object.fromEntries(card.attrs.map(({ name, value }) => [name, value])), payload).toEqual({
        note: payload,
        label: payload,
        'data-seen': payload,
      });
      expect(text(p), payload).toBe(payload);
    }
  });

  it('the data scripts of a development error page cannot be ended by the error’s message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // JSON.stringify leaves `<`, U+2028 and U+2029 as they are: only litflare's escaping stands between them and the page.
    const message = '</script><script>top.xssHit(1)</script><!-- \u2028 \u2029';
    const app = createApp({ shell: testShell, dev: true });
    app.page('/', () => {
      throw new Error(message);
    });
    const page = await (await app.request('/')).text();
    const scripts = elements(parseFragment(page).childNodes).filter((element) => element.tagName === 'script');
    const data = scripts.filter((script) => script.attrs.some(({ name, value }) => name === 'type' && value === 'application/litflare+error'));
    expect(data).toHaveLength(1);
    expect(JSON.parse(text(data[0]!))).toMatchObject({ message: `Error: ${message}` });
    // No other script came out of the message.
    expect(scripts.filter((script) => script !== data[0]).map(text).join('\n')).not.toContain('top.xssHit');
    expect(text(data[0]!)).not.toMatch(/[<\u2028\u2029]/);
    vi.restoreAllMocks();
  });
});
