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

  override render() {
    return html`
      <h3>KV counter</h3>
      <p>Stored in Workers KV: <output>${this.value}</output></p>
      <button @click=${this.#bump}>Add one</button>
    `;
  }

  async #bump(): Promise<void> {
    this.value = await bumpCounter();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kv-counter': KvCounter;
  }
}
