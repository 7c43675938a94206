import { createElement as h } from 'react';
import { products } from './products.js';
import { layoutCss, rowCss } from './styles.js';

/** The benchmark page as React 19 elements: the same markup, light DOM (React has no DSD). */
export function reactPage() {
  return h(
    'div',
    { className: 'layout' },
    h('style', null, layoutCss + rowCss),
    h('header', null, h('h1', null, 'Products')),
    h(
      'main',
      null,
      products.map((p) =>
        h(
          'div',
          { key: p.sku, className: p.featured ? 'row featured' : 'row' },
          h('span', { className: 'sku' }, p.sku),
          h('span', { className: 'name' }, p.name),
          h('span', { className: 'price' }, '$', p.price.toFixed(2)),
          h('span', { className: p.stock < 5 ? 'stock low' : 'stock' }, p.stock, ' left'),
        ),
      ),
    ),
    h('footer', null, products.length, ' products'),
  );
}
