// Elements for the renderer's table of cases (render-cases.ts): defined the
// same way in the Worker (rendered there) and in Chromium (hydrated there).
import { LitElement, ReactiveElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** An element with styles, attributes, a reflected boolean, an object property and two slots. */
@customElement('rc-card')
export class RcCard extends LitElement {
  static override styles = css`
    h3 { margin: 0; }
  `;
  @property() label = '';
  @property({ type: Number }) count = 0;
  @property({ type: Boolean, reflect: true }) featured = false;
  @property({ attribute: false }) data: { tags: string[] } = { tags: [] };

  override render() {
    return html`<h3 class=${this.featured ? 'featured' : 'plain'}>${this.label}</h3>
      <p>${this.count}</p>
      <ul>${this.data.tags.map((tag) => html`<li>${tag}</li>`)}</ul>
      <slot></slot><slot name="footer"></slot>`;
  }
}

/** Cards inside its own shadow root: nested elements hydrate after their host. */
@customElement('rc-nested')
export class RcNested extends LitElement {
  @property({ attribute: false }) items: string[] = [];

  override render() {
    return html`${this.items.map(
      (item, i) => html`<rc-card label=${item} count=${i} .data=${{ tags: [item] }}><b>${item}</b></rc-card>`,
    )}`;
  }
}

/** Renders part of its content into the light DOM, through the `renderLight()` directive. */
@customElement('rc-light')
export class RcLight extends LitElement {
  @property() who = '';

  renderLight() {
    return html`<p class="light">light for ${this.who}</p>`;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/** A shadow root that delegates focus. */
@customElement('rc-focus')
export class RcFocus extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  override render() {
    return html`<input aria-label="focus me" />`;
  }
}

/** Answers `rc-request` events from elements inside it (like `@lit/context` on the server). */
@customElement('rc-provider')
export class RcProvider extends LitElement {
  @property() value = '';

  constructor() {
    super();
    this.addEventListener('rc-request', (event) => {
      event.stopPropagation();
      (event as CustomEvent<(value: string) => void>).detail(this.value);
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/** Asks the nearest provider for its value before its first render, on the server and in the browser. */
@customElement('rc-consumer')
export class RcConsumer extends LitElement {
  @property({ attribute: false }) received = '(none)';

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (this.received === '(none)') {
      this.dispatchEvent(
        new CustomEvent('rc-request', {
          bubbles: true,
          composed: true,
          detail: (value: string) => (this.received = value),
        }),
      );
    }
  }

  override render() {
    return html`<span>${this.received}</span>`;
  }
}

/** A consumer inside a shadow root: its request has to leave the shadow root to reach a provider. */
@customElement('rc-nested-consumer')
export class RcNestedConsumer extends LitElement {
  override render() {
    return html`<rc-consumer></rc-consumer>`;
  }
}

// HTMLElement in the browser, Lit's DOM shim on the server (workerd has no DOM).
const ElementBase = Object.getPrototypeOf(ReactiveElement) as typeof HTMLElement;

/** A custom element that is not a LitElement: written with its attributes, no shadow root. */
export class RcPlain extends ElementBase {}
customElements.define('rc-plain', RcPlain);
