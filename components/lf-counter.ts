import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A counter whose starting value comes from the server-rendered attribute. */
@customElement('lf-counter')
export class LfCounter extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.75rem;
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 0.5rem 1.1rem;
      border: 0;
      border-radius: 999px;
      color: white;
      background: var(--lf-accent, #f6821f);
      cursor: pointer;
      transition: transform 0.1s ease;
    }
    button:active {
      transform: scale(0.96);
    }
    output {
      min-width: 3ch;
      font-size: 1.5rem;
      font-variant-numeric: tabular-nums;
      text-align: center;
    }
  `;

  /** The current count; rendered by the server, then live in the browser. */
  @property({ type: Number }) count = 0;

  /** How much each click adds. */
  @property({ type: Number }) step = 1;

  override render() {
    return html`
      <button part="button" @click=${this.#increment} aria-label="Increment">+${this.step}</button>
      <output aria-live="polite">${this.count}</output>
    `;
  }

  #increment(): void {
    this.count += this.step;
    this.dispatchEvent(new CustomEvent('count-changed', { detail: this.count, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lf-counter': LfCounter;
  }
}
