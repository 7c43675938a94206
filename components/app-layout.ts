import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** The page frame: a header with a title slot, and the page content in the default slot. */
@customElement('app-layout')
export class AppLayout extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      color: #1f2937;
      background: #f5f6fa;
      font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 1rem 1.5rem;
      color: white;
      background: linear-gradient(120deg, #f6821f, #e34f6f);
    }
    .brand {
      font-weight: 700;
      letter-spacing: 0.02em;
    }
    main {
      max-width: 64rem;
      margin: 0 auto;
      padding: 2rem 1.5rem 4rem;
    }
    footer {
      padding: 2rem 1.5rem;
      color: #6b7280;
      text-align: center;
      font-size: 0.875rem;
    }
  `;

  /** Shown at the left of the header. */
  @property() brand = 'litflare';

  override render() {
    return html`
      <header>
        <span class="brand">${this.brand}</span>
        <slot name="nav"></slot>
      </header>
      <main><slot></slot></main>
      <footer><slot name="footer">Rendered at the edge, hydrated in your browser.</slot></footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-layout': AppLayout;
  }
}
