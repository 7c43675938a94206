import { LitElement, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { products } from './products.js';
import { layoutCss, rowCss } from './styles.js';

@customElement('bench-layout')
export class BenchLayout extends LitElement {
  static override styles = unsafeCSS(layoutCss);
  @property() heading = '';

  override render() {
    return html`<header><h1>${this.heading}</h1></header><main><slot></slot></main><footer>${products.length} products</footer>`;
  }
}

@customElement('product-row')
export class ProductRow extends LitElement {
  static override styles = unsafeCSS(rowCss);
  @property() sku = '';
  @property() name = '';
  @property({ type: Number }) price = 0;
  @property({ type: Number }) stock = 0;
  @property({ type: Boolean, reflect: true }) featured = false;

  override render() {
    return html`<span class="sku">${this.sku}</span><span class="name">${this.name}</span
      ><span class="price">$${this.price.toFixed(2)}</span
      ><span class="stock ${this.stock < 5 ? 'low' : ''}">${this.stock} left</span>`;
  }
}

/** The benchmark page as a Lit template: a layout element with 100 row elements. */
export function litPage() {
  return html`<bench-layout heading="Products">${products.map(
    (p) => html`<product-row sku=${p.sku} name=${p.name} price=${p.price} stock=${p.stock} ?featured=${p.featured}></product-row>`,
  )}</bench-layout>`;
}
