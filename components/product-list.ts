import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import './product-card.js';
import type { Product } from './product-card.js';

/** A parent element that passes each product to a nested `<product-card>`. */
@customElement('product-list')
export class ProductList extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 1rem;
    }
  `;

  @property({ attribute: false }) products: Product[] = [];

  override render() {
    return html`${repeat(
      this.products,
      (product) => product.id,
      (product) => html`<product-card .product=${product}></product-card>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-list': ProductList;
  }
}
