import { FormController } from 'litflare';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { bumpCounter } from '../worker/platform.server.js';
import { cardStyles } from './card-styles.js';

/** A counter kept in Workers KV, read by the server, bumped by a server function. */
@customElement('kv-counter')
export class KvCounter extends LitElement {
  static override styles = cardStyles;

  /** The value the server read from KV. */
  @property({ type: Number }) value = 0;

  // A button in a form: it posts to the page without JavaScript, and calls bumpCounter once hydrated.
  readonly #bump = new FormController(this, bumpCounter, { onSuccess: (value) => (this.value = value) });

  override render() {
    return html`
      <h3>KV counter</h3>
      <p>Stored in Workers KV: <output>${this.value}</output></p>
      <form method="post" action=${bumpCounter.action} @submit=${this.#bump.submit}>
        <button ?disabled=${this.#bump.pending}>Add one</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kv-counter': KvCounter;
  }
}
