import { LitElement, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { products, type BenchProduct } from './products.js';
import { rowCss } from './styles.js';
import './lit-page.js';

const none: BenchProduct = { sku: '', name: '', price: 0, stock: 0, featured: false };

/** The row of the page that carries its data: the same shadow root, from one object property. */
@customElement('product-data-row')
export class ProductDataRow extends LitElement {
  static override styles = unsafeCSS(rowCss);
  @property({ attribute: false }) product: BenchProduct = none;

  override render() {
    const p = this.product;
    return html`<span class="sku">${p.sku}</span><span class="name">${p.name}</span
      ><span class="price">$${p.price.toFixed(2)}</span
      ><span class="stock ${p.stock < 5 ? 'low' : ''}">${p.stock} left</span>`;
  }
}

/**
 * The benchmark page whose rows get their data as page-level properties
 * (`.product=${p}`), as real apps pass it: litflare ships them as hydration
 * data; raw Lit SSR renders them and drops them (nothing could hydrate).
 */
export function dataPage() {
  return html`<bench-layout heading="Products">${products.map((p) => html`<product-data-row .product=${p}></product-data-row>`)}</bench-layout>`;
}
