import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ticks, type Tick } from '../worker/feed.server.js';

/** Streams events from a server function (an async generator) as they are produced. */
@customElement('live-feed')
export class LiveFeed extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 32rem;
      padding: 1.25rem;
      border-radius: 12px;
      background: #111827;
      color: #e5e7eb;
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }
    button {
      font: inherit;
      padding: 0.35rem 0.9rem;
      border: 0;
      border-radius: 8px;
      color: #111827;
      background: #34d399;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #f87171;
    }
    ol {
      margin: 0.75rem 0 0;
      padding: 0;
      list-style: none;
      min-height: 8rem;
    }
    li {
      padding: 0.1rem 0;
    }
  `;

  @state() private events: Tick[] = [];
  @state() private running = false;

  override render() {
    return html`
      <button aria-pressed=${this.running ? 'true' : 'false'} @click=${this.#toggle}>${this.running ? 'Stop' : 'Start'} feed</button>
      <ol aria-live="polite">
        ${this.events.map((tick) => html`<li>#${tick.n} · ${tick.at.toISOString().slice(11, 23)} · ${tick.where}</li>`)}
      </ol>
    `;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.running = false;
  }

  async #toggle(): Promise<void> {
    if (this.running) {
      this.running = false;
      return;
    }
    this.running = true;
    this.events = [];
    try {
      for await (const tick of ticks({ intervalMs: 300 })) {
        // Leaving the loop cancels the request; the server's generator stops.
        if (!this.running) break;
        this.events = [tick, ...this.events].slice(0, 6);
      }
    } finally {
      this.running = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'live-feed': LiveFeed;
  }
}
