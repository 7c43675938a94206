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
  app.page('/json', () => html`<hd-panel .content=${{ rows: [1, 'two', null, true], name: '</script>\u2028' }}></hd-panel><hd-panel .content=${[]}></hd-panel>`);
  const shared = { n: 1 };
  for (const [name, content] of Object.entries(notJson(shared))) app.page(`/devalue/${name}`, () => html`<hd-panel .content=${content}></hd-panel>`);
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
    expect(parse(data ?? 'null')).toEqual({ props: [{ content: { rows: [1, 'two', new Date(0)] } }] });
    expect(body).toMatch(/<hd-panel\s+data-lf-props>/);
  });
});

/** Values JSON would change (or drop): each must travel as devalue. */
function notJson(shared: object): Record<string, unknown> {
  return {
    date: { when: new Date(0) },
    undefinedValue: { a: undefined },
    hole: [1, , 3],
    negativeZero: [-0],
    nan: [Number.NaN],
    infinity: { big: Number.POSITIVE_INFINITY },
    bigint: [1n],
    sharedReference: [shared, shared],
    nullPrototype: Object.assign(Object.create(null) as object, { a: 1 }),
    map: new Map([[1, 2]]),
  };
}

describe('the hydration data’s format', () => {
  const script = (body: string) => /<script type="application\/litflare\+devalue">(.*?)<\/script>/s.exec(body)?.[1] ?? '';

  it('is JSON when the data is plain, escaped for the script element, and the elements carry a mark without an id', async () => {
    const body = await (await fixtureApp(false).request('/json')).text();
    const text = script(body);
    expect(text.startsWith('{')).toBe(true);
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ props: [{ content: { rows: [1, 'two', null, true], name: '</script>\u2028' } }, { content: [] }] });
    expect(body.match(/<hd-panel\s+data-lf-props>/g)).toHaveLength(2);
  });

  it('is devalue, value for value, when JSON would change the data', async () => {
    const app = fixtureApp(false);
    for (const [name, content] of Object.entries(notJson({ n: 1 }))) {
      const text = script(await (await app.request(`/devalue/${name}`)).text());
      expect(text.startsWith('['), name).toBe(true);
      const decoded = parse(text) as { props: { content: unknown }[] };
      expect(decoded.props[0]?.content, name).toEqual(content);
    }
    const shared = parse(script(await (await app.request('/devalue/sharedReference')).text())) as { props: { content: object[] }[] };
    const [first, second] = shared.props[0]?.content ?? [];
    expect(first).toBe(second);
  });
});
