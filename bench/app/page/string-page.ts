import { products } from './products.js';
import { layoutCss, rowCss } from './styles.js';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The benchmark page as one string: the same elements and shadow roots, written by hand (the ceiling). */
export function stringPage(): string {
  let rows = '';
  for (const p of products) {
    rows +=
      `<product-row sku="${p.sku}" name="${escape(p.name)}" price="${p.price}" stock="${p.stock}"${p.featured ? ' featured' : ''}>` +
      `<template shadowrootmode="open"><style>${rowCss}</style><span class="sku">${p.sku}</span><span class="name">${escape(p.name)}</span>` +
      `<span class="price">$${p.price.toFixed(2)}</span><span class="stock ${p.stock < 5 ? 'low' : ''}">${p.stock} left</span></template></product-row>`;
  }
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Products</title></head><body>' +
    `<bench-layout heading="Products"><template shadowrootmode="open"><style>${layoutCss}</style><header><h1>Products</h1></header>` +
    `<main><slot></slot></main><footer>${products.length} products</footer></template>${rows}</bench-layout></body></html>`
  );
}
