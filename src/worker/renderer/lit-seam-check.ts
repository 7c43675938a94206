// Start-up check of the seam (lit-seam.ts): before the first page, litflare
// renders one small probe through its renderer and through @lit-labs/ssr and
// compares, and sends one event through the DOM shim's event path. A missing
// member, a different markup, a throw or a lost event means Lit changed under
// litflare: pages then render with @lit-labs/ssr (see lit-ssr-fallback.ts).
import { render } from '@lit-labs/ssr';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { classMap } from 'lit/directives/class-map.js';
import { EventPath } from './event-path.js';
import { activeLitSeam, eventShim, LIT_SSR_PROBE, type LitSeam } from './lit-seam.js';
import { TemplateRenderer } from './renderer.js';
import { ownAttributes } from './shim-attributes.js';

const PROBE_TAG = 'litflare-seam-probe';
const PROBE_EVENT = 'litflare-seam-probe';

/** A LitElement with what pages use: attributes, a reflected property, `willUpdate`, styles, ARIA from ElementInternals. */
class SeamProbe extends LitElement {
  static override properties = { label: {}, count: { type: Number, reflect: true } };
  static override styles = css`
    b {
      color: teal;
    }
  `;
  declare label: string;
  declare count: number;
  #changed = '';

  constructor() {
    super();
    this.attachInternals().role = 'note';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#changed = [...changed.keys()].join(' ');
  }

  override render() {
    return html`<b title=${this.label}>${this.label} (${this.#changed})</b>`;
  }
}

/** A directive whose `update()` needs a DOM: it renders on the server only if its resolve was patched. */
class EchoDirective extends Directive {
  render(value: string): string {
    return value;
  }

  override update(): never {
    throw new Error('a directive ran update() on the server');
  }
}
const echo = directive(EchoDirective);

const probe = () =>
  html`<p class=${classMap({ on: true, off: false })} title="a ${'b'} c" ?hidden=${false}>${echo('x')}${['i', 1]}${html`<i>${null}</i>`}</p
    ><input .value=${'v'} /><litflare-seam-probe label=${'l'} .count=${2}></litflare-seam-probe>`;

/**
 * Why litflare's renderer cannot render with the active seam, or `undefined`
 * when it can: every member is there, the probe renders exactly as
 * @lit-labs/ssr renders it, and an event goes from an element to the one
 * around it.
 *
 * @example
 * ```ts
 * const problem = checkLitSeam(); // undefined with the Lit litflare pins
 * ```
 */
export function checkLitSeam(): string | undefined {
  const seam = activeLitSeam();
  if (seam.missing.length > 0) return `Lit's private API it relies on has changed: ${seam.missing.join(', ')} ${seam.missing.length > 1 ? 'are' : 'is'} missing`;
  try {
    if (customElements.get(PROBE_TAG) === undefined) customElements.define(PROBE_TAG, SeamProbe);
    const ours = new TemplateRenderer(probe()).produce(Number.POSITIVE_INFINITY).text;
    // What @lit-labs/ssr wrote for it when litflare was built with the Lit it
    // pins: the same markup proves the seam without rendering it again (a
    // @lit-labs/ssr render at start-up cost the first page 10–15 ms).
    if (ours !== LIT_SSR_PROBE) {
      const lits = litSsrProbe();
      if (ours !== lits) return `Lit's private API it relies on behaves differently: a probe renders\n  ${ours}\ninstead of\n  ${lits}`;
    }
    if (!eventReachesHost()) return "the DOM shim's event path has changed: an event does not reach the element around its target";
    if (!attributesRecorded()) return "the DOM shim's attributes have changed: litflare does not see an attribute an element set";
  } catch (error) {
    return `Lit's private API it relies on behaves differently: a probe render threw ${String(error)}`;
  }
  return undefined;
}

/**
 * The probe as @lit-labs/ssr renders it, now.
 *
 * @example
 * ```ts
 * expect(litSsrProbe()).toBe(LIT_SSR_PROBE); // (from lit-seam.ts)
 * ```
 */
export function litSsrProbe(): string {
  if (customElements.get(PROBE_TAG) === undefined) customElements.define(PROBE_TAG, SeamProbe);
  return collect(render(probe()));
}

const verdicts = new WeakMap<LitSeam, boolean>();

/**
 * Whether pages render with litflare's renderer: checked once (at the first
 * page) with {@link checkLitSeam}; when it fails, one warning says why, and
 * pages render with @lit-labs/ssr's renderer instead.
 *
 * @example
 * ```ts
 * const renderer = litflareRendererWorks() ? new TemplateRenderer(body, hooks) : new LitSsrRenderer(hooks).render(body);
 * ```
 */
export function litflareRendererWorks(): boolean {
  const seam = activeLitSeam();
  let works = verdicts.get(seam);
  if (works === undefined) {
    const problem = checkLitSeam();
    works = problem === undefined;
    verdicts.set(seam, works);
    if (problem !== undefined) {
      console.warn(
        `litflare: its renderer cannot run with this version of Lit: ${problem}. Pages are rendered with ` +
          "@lit-labs/ssr's renderer instead: correct, but slower, and without litflare's fixes of Lit's markup " +
          '(see "How pages are rendered" in litflare\'s README). litflare is tested with lit 3.3.3 and @lit-labs/ssr 4.1.0.',
      );
    }
  }
  return works;
}

/** A render that has no promises in it, as one string. */
function collect(result: Iterable<unknown>): string {
  let out = '';
  for (const piece of result) {
    if (typeof piece !== 'string') throw new Error('the probe render waited for a promise');
    out += piece;
  }
  return out;
}

function eventReachesHost(): boolean {
  const outer = new SeamProbe();
  const inner = new SeamProbe();
  const path = new EventPath(eventShim.root());
  path.enter(outer, undefined);
  path.enter(inner, outer);
  let heard = false;
  outer.addEventListener(PROBE_EVENT, () => (heard = true));
  inner.dispatchEvent(new Event(PROBE_EVENT, { bubbles: true, composed: true }));
  return heard;
}

function attributesRecorded(): boolean {
  const element = new SeamProbe();
  element.toggleAttribute('on');
  element.setAttribute('n', 1 as unknown as string);
  element.setAttribute('gone', '');
  element.removeAttribute('gone');
  const own = [...ownAttributes(element)].join(' ');
  const shim = element.attributes as unknown as { name: string; value: string }[];
  return own === 'on, n,1' && shim.map(({ name, value }) => `${name},${value}`).join(' ') === own && element.getAttribute('n') === '1';
}
