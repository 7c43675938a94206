import { html } from 'lit';
import type { PageHandler } from 'litflare/worker';
import type { Product } from '../../components/index.js';
import type { Review } from '../../components/review-list.js';

const products: Product[] = [
  { id: 1, name: 'Edge Espresso', price: 3.5, tags: ['hot', 'fast'] },
  { id: 2, name: 'Shadow Root Beer', price: 2.75, tags: ['cold'] },
  { id: 3, name: 'Hydration Water', price: 1.25, tags: ['cold', 'healthy'] },
  { id: 4, name: 'Streamed Soup', price: 5.0, tags: ['hot', 'chunked'] },
];

const reviews: Review[] = [
  { author: 'Ada', text: 'The espresso arrives before I finish typing the URL.', helpful: 12 },
  { author: 'Grace', text: 'Readable with scripts off, lively with them on.', helpful: 7 },
  { author: 'Linus', text: 'Shadow Root Beer is an acquired taste.', helpful: 3 },
];

/**
 * The demo's home page: layout with slots, a counter started by the server, a
 * nested list. `vite build` prerenders it (`?start=` is then not seen: the
 * static page starts at 3); `vite dev` and the tests render it in the Worker.
 */
export const homePage: PageHandler = (c) => {
  const start = Number.parseInt(c.req.query('start') ?? '', 10);
  const count = Number.isFinite(start) ? start : 3;
  return {
    title: 'litflare — Lit at the edge',
    head: html`<meta name="description" content="Lit components streamed from a Cloudflare Worker and hydrated in the browser.">`,
    body: html`
      <section>
        <h1>Lit components, streamed from the edge</h1>
        <p>
          This page was rendered by a Cloudflare Worker as declarative shadow DOM. It reads fine without
          JavaScript; with it, every element hydrates over the server's DOM.
        </p>
        <lf-counter count=${count}></lf-counter>
      </section>
      <h2>Menu</h2>
      <product-list .products=${products}></product-list>
      <h2>Take the tour</h2>
      <site-tour></site-tour>
      <h2>Reviews</h2>
      <p>This list is an island: the server rendered it, and its code loads only when you scroll down to it.</p>
      <review-list .reviews=${reviews}></review-list>
      <site-footer rendered=${new Date().toISOString()}></site-footer>
      <span slot="footer">Served by litflare from workerd.</span>
    `,
  };
};
