import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A product as the demo shows it. */
export interface Product {
  id: number;
  name: string;
  price: number;
  tags: string[];
}

/** One product, given as a property by its parent list. */
@customElement('product-card')
export class ProductCard extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
      border-radius: 12px;
      background: white;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.05rem;
    }
    .price {
      color: #0b6e4f;
      font-weight: 600;
    }
    ul {
      display: flex;
      gap: 0.35rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      font-size: 0.8rem;
      background: #eef2ff;
      color: #3730a3;
    }
  `;

  @property({ attribute: false }) product?: Product;

  override render() {
    const product = this.product;
    if (product === undefined) return html`<slot></slot>`;
    return html`
      <h3>${product.name}</h3>
      <span class="price">$${product.price.toFixed(2)}</span>
      <ul>
        ${product.tags.map((tag) => html`<li>${tag}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-card': ProductCard;
  }
}
