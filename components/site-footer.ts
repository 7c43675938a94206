import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Server-only (an island with `hydrate: 'none'`): rendered to HTML by the
 * Worker; the browser never loads this module.
 */
@customElement('site-footer')
export class SiteFooter extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 3rem;
      padding-top: 1rem;
      border-top: 1px solid #e5e7eb;
      color: #6b7280;
      font-size: 0.875rem;
    }
  `;

  /** When the page was rendered. */
  @property() rendered = '';

  override render() {
    return html`<p>Rendered ${this.rendered}. This footer is server-only: no JavaScript was sent for it.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'site-footer': SiteFooter;
  }
}
