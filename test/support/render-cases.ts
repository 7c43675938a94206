// The renderer's table of cases, in the shape Lit's SSR tests use: a template
// as a function of arguments, and the arguments to render it with in turn. The
// Worker tests check that litflare's renderer writes exactly what
// @lit-labs/ssr writes for each (unless a case says why not); the browser tests
// server-render the first arguments, hydrate them, re-render with each next
// one, and compare with a fresh client render while the stable nodes stay.
import { html, nothing, svg } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { choose } from 'lit/directives/choose.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { join } from 'lit/directives/join.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { map } from 'lit/directives/map.js';
import { range } from 'lit/directives/range.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { until } from 'lit/directives/until.js';
import { when } from 'lit/directives/when.js';
import { renderLight } from '@lit-labs/ssr-client/directives/render-light.js';
import './render-elements.js';

/** One case of the table. */
export interface RenderCase {
  /** The template, as a function of the arguments. */
  render(...args: unknown[]): unknown;
  /** The arguments in turn: the first are rendered on the server and hydrated, each next one re-rendered. */
  args: unknown[][];
  /** Nodes that must be the same objects after hydration and every re-render (`a >>> b` looks in a's shadow root). */
  stable?: string[];
  /** Why litflare's markup differs from @lit-labs/ssr's in this case (a fix of Lit's behaviour). */
  differsFromLit?: string;
  /** The case is about server markup only; the browser does not hydrate it. */
  serverOnly?: string;
}

function define<A extends unknown[]>(entry: Omit<RenderCase, 'render' | 'args'> & { render(...args: A): unknown; args: A[] }): RenderCase {
  return entry as unknown as RenderCase;
}

/** The element a `ref()` in the `elementPart` case points at. */
export const boxRef = createRef<HTMLElement>();

export const renderCases: Record<string, RenderCase> = {
  text: define({
    render: (value: unknown) => html`<p>${value}</p>`,
    args: [['plain'], [`<b>&"'</b>`], [42], [null], [undefined], [nothing], [true], ['back']],
    stable: ['p'],
  }),
  attributes: define({
    render: (name: unknown, title: unknown) =>
      html`<div class=${name} title="a ${title} b" data-static="s &amp; t" data-n=${7}></div>`,
    args: [['x', 'y'], [nothing, 'y'], ['x', nothing], [null, undefined], [`"q"&<'`, 5]],
    stable: ['div'],
  }),
  booleans: define({
    render: (on: unknown) => html`<input type="checkbox" ?disabled=${on} ?checked=${on} />`,
    args: [[true], [false], [nothing], [1]],
    stable: ['input'],
  }),
  properties: define({
    render: (value: string) => html`<input .value=${value} .className=${`c-${value}`} .custom=${{ value }} .id=${value} />`,
    args: [['one'], ['two']],
    stable: ['input'],
  }),
  events: define({
    render: (label: string) => html`<button @click=${() => undefined} type="button">${label}</button>`,
    args: [['go'], ['stop']],
    stable: ['button'],
  }),
  elementPart: define({
    render: () => html`<div ${ref(boxRef)} id="box">ref</div>`,
    args: [[]],
    stable: ['#box'],
  }),
  templates: define({
    render: (flag: boolean) => html`<section>${flag ? html`<b>${'yes'}</b>` : html`<i>${'no'}</i>`}</section>`,
    args: [[true], [false], [true]],
    stable: ['section'],
  }),
  lists: define({
    render: (items: number[]) => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`,
    args: [[[1, 2, 3]], [[]], [[3, 2, 1, 4]]],
    stable: ['ul'],
  }),
  iterables: define({
    render: (n: number) =>
      html`<div>${new Set(['a', 'b'])}|${map([1, 2], (x) => html`<i>${x}</i>`)}|${join(['x', 'y'], html`<hr />`)}|${range(n)}</div>`,
    args: [[2], [3]],
    stable: ['div'],
  }),
  repeat: define({
    render: (items: number[]) =>
      html`<ol>${repeat(
        items,
        (item) => item,
        (item) => html`<li id=${`i${item}`}>${item}</li>`,
      )}</ol>`,
    args: [[[1, 2, 3]], [[3, 1, 2]]],
    stable: ['ol', '#i1', '#i2', '#i3'],
  }),
  directives: define({
    render: (on: boolean) => html`<div
      class=${classMap({ a: on, b: !on })}
      style=${styleMap({ color: on ? 'red' : 'blue', '--gap': '1px' })}
      title=${ifDefined(on ? 'titled' : undefined)}
    >
      ${when(
        on,
        () => html`<b>on</b>`,
        () => html`<i>off</i>`,
      )}${unsafeHTML(`<em>${String(on)}</em>`)}${choose(on ? 1 : 2, [
        [1, () => 'one'],
        [2, () => 'two'],
      ])}${guard([on], () => 'guarded')}${keyed(on, html`<u>k</u>`)}${until('now')}${cache(
        on ? html`<s>1</s>` : html`<small>2</small>`,
      )}<input .value=${live(String(on))} />
    </div>`,
    args: [[true], [false]],
    stable: ['div'],
  }),
  svg: define({
    render: (r: number) => html`<svg viewBox="0 0 10 10">${svg`<circle cx="5" cy="5" r=${r}></circle>`}${unsafeSVG('<rect width="1" height="1"></rect>')}</svg>`,
    args: [[2], [4]],
    stable: ['svg', 'circle'],
  }),
  staticMarkup: define({
    render: (cell: string) =>
      html`<!-- a comment --><textarea>static text</textarea><br /><img alt="x" /><template><p>inert</p></template><table>
          <tr>
            <td>${cell}</td>
          </tr>
        </table>`,
    args: [['cell'], ['other']],
    stable: ['td'],
  }),
  customElement: define({
    render: (label: string, count: number, tags: string[], featured: boolean) =>
      html`<rc-card label=${label} count=${count} .data=${{ tags }} ?featured=${featured} static-attr="a &amp; b" title="t"
        ><span>child</span><em slot="footer">foot</em></rc-card
      >`,
    args: [
      ['One', 1, ['a'], true],
      ['Two', 2, ['b', 'c'], false],
    ],
    stable: ['rc-card', 'rc-card span', 'rc-card >>> h3', 'rc-card >>> ul'],
  }),
  // Lit hydrates a text binding the server rendered empty and then writes the
  // next text into its closing marker, so it never shows; litflare's client
  // runtime gives such parts the text node Lit expects.
  emptyTextInElement: define({
    render: (label: unknown) => html`<rc-card .label=${label}></rc-card>`,
    args: [[''], ['shown'], [null], ['again'], [undefined], [''], ['last']],
    stable: ['rc-card', 'rc-card >>> h3'],
  }),
  nullTextInElement: define({
    render: (label: unknown) => html`<rc-card .label=${label}></rc-card>`,
    args: [[null], ['shown'], [html`<b>bold</b>`], ['text again']],
    stable: ['rc-card', 'rc-card >>> h3'],
  }),
  nestedElements: define({
    render: (items: string[]) => html`<rc-nested .items=${items}></rc-nested>`,
    args: [[['x', 'y']], [['x', 'y', 'z']]],
    stable: ['rc-nested', 'rc-nested >>> rc-card', 'rc-nested >>> rc-card >>> h3'],
  }),
  delegatesFocus: define({
    render: () => html`<rc-focus></rc-focus>`,
    args: [[]],
    stable: ['rc-focus >>> input'],
  }),
  eventPath: define({
    render: (value: string) => html`<rc-provider value=${value}><div><rc-consumer></rc-consumer></div></rc-provider>`,
    args: [['from the provider']],
    stable: ['rc-consumer >>> span'],
    differsFromLit:
      'Lit leads an event from an element in a shadow root or a slot straight to the document when the host ' +
      'has no shadow root object (the default on the server), so its host never hears it; litflare leads it to the host.',
  }),
  undefinedElement: define({
    render: (value: string) => html`<rc-undefined data-x=${value}>inner ${value}</rc-undefined>`,
    args: [['a'], ['b']],
    stable: ['rc-undefined'],
  }),
  renderLight: define({
    render: (who: string) => html`<rc-light who=${who}>${renderLight()}</rc-light>`,
    args: [['ann']],
    serverOnly: 'renderLight() writes light DOM on the server only; the browser renders nothing for it.',
  }),
  afterPlainElement: define({
    render: (label: string) => html`<rc-plain data-a="1"></rc-plain><rc-card label=${label}></rc-card>`,
    args: [['after'], ['later']],
    stable: ['rc-plain', 'rc-card >>> h3'],
    differsFromLit:
      'Lit never leaves the host of a custom element without a shadow root, so it marks every element after ' +
      'one as nested (defer-hydration) and that element never hydrates.',
  }),
  elementPartOnCustomElement: define({
    render: (label: string) => html`<rc-card ${ref(boxRef)} label=${label}></rc-card>`,
    args: [['ref'], ['ref again']],
    stable: ['rc-card >>> h3'],
    differsFromLit: 'Lit writes the marker of the element binding as an attribute of the custom element.',
  }),
  controlCharacters: define({
    // Characters the HTML parser keeps as they are (all C0 controls but NUL and CR, and DEL).
    render: (value: string) => html`<p title=${value} data-x="a ${value} b">${value}</p><rc-card label=${value}></rc-card>`,
    args: [[`\x01\t\n\f\x1b\x1f\x7f end`], [`\x02 again \x0b`]],
    stable: ['p', 'rc-card >>> h3'],
  }),
  parserChangedCharacters: define({
    render: (value: string) => html`<p title=${value}>${value}</p><rc-card label=${value}></rc-card>`,
    args: [['Os\0lo a\r\nb c\rd \uD800 \uDC00 \uD83D\uDE00']],
    differsFromLit:
      'Lit gives an element an attribute value as the template passed it; the browser parses CR LF and CR as LF and ' +
      'NUL as U+FFFD, and UTF-8 makes U+FFFD of a lone surrogate, so the element derived other things from it ' +
      '(its text, its server data key) on the server than in the browser. litflare gives it the value the browser reads.',
    serverOnly:
      'A fresh client render keeps NUL, CR and lone surrogates (setAttribute does not parse), so it cannot equal a ' +
      'parsed page; test/browser/control-characters.test.ts hydrates such values instead.',
  }),
  slotOutsideShadowRoot: define({
    render: (text: string) => html`<div><slot>${text}</slot></div>`,
    args: [['fallback'], ['other']],
    stable: ['slot'],
    differsFromLit: 'Lit throws for a <slot> outside a shadow root; HTML allows it.',
  }),
};
