import { parse } from 'devalue';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { createApp } from 'litflare/worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testShell } from './fixtures/shell.js';

/** A page-level element with an object property: what the page template sets goes into the hydration data. */
@customElement('hd-panel')
export class HdPanel extends LitElement {
  @property({ attribute: false }) content: unknown = undefined;

  override render() {
    return html`<div>${typeof this.content === 'string' ? this.content : 'panel'}</div>`;
  }
}

/** Pages that set `.content` to each kind of Lit value, bare or nested deep inside plain data. */
const values: Record<string, { value: () => unknown; kind: RegExp }> = {
  template: { value: () => html`<b>bold</b>`, kind: /a Lit template \(html`…`\)/ },
  nestedTemplate: { value: () => ({ rows: [{ cells: new Map([['a', [html`<i>deep</i>`]]]) }] }), kind: /a Lit template/ },
  directive: { value: () => ({ look: classMap({ on: true }) }), kind: /a Lit directive \(ClassMapDirective\)/ },
  nothing: { value: () => [nothing], kind: /Lit’s `nothing`/ },
  styles: { value: () => ({ theme: css`b { color: red }` }), kind: /Lit styles \(css`…`\)/ },
};

function fixtureApp(dev: boolean) {
  const app = createApp({ shell: testShell, dev });
  for (const [name, { value }] of Object.entries(values)) {
    app.page(`/${name}`, () => html`<main><hd-panel .content=${value()}></hd-panel></main>`);
  }
  app.page('/plain', () => html`<hd-panel .content=${{ rows: [1, 'two', new Date(0)] }}></hd-panel>`);
  return app;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Lit values in a page element’s properties (hydration data)', () => {
  it('are refused while rendering, with an error naming the element, the property and what to do instead', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = fixtureApp(true);
    for (const [name, { kind }] of Object.entries(values)) {
      const response = await app.request(`/${name}`);
      expect(response.status, name).toBe(500);
      const body = await response.text();
      const data = /<script type="application\/litflare\+error">(.*?)<\/script>/s.exec(body)?.[1];
      const { message } = JSON.parse(data ?? '{}') as { message: string };
      expect(message, name).toMatch(
        /^Error: litflare: the page template set \.content on <hd-panel>, and that value cannot be sent to the browser for hydration: it holds /,
      );
      expect(message, name).toMatch(kind);
      expect(message, name).toContain("as the element's children (into a <slot>), or inside its own render()");
      // Nothing of the half-serialized value reached the page.
      expect(body, name).not.toContain('data-lf-props');
    }
    expect(logged).toHaveBeenCalledTimes(Object.keys(values).length);
  });

  it('in production too: a 500 page without the details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await fixtureApp(false).request('/template');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('_$litType$');
  });

  it('leave plain data as it was', async () => {
    const body = await (await fixtureApp(false).request('/plain')).text();
    const data = /<script type="application\/litflare\+devalue">(.*?)<\/script>/s.exec(body)?.[1];
    expect(parse(data ?? 'null')).toEqual({ props: { 0: { content: { rows: [1, 'two', new Date(0)] } } } });
  });
});
