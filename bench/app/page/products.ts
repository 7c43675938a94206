/** One row of the benchmark page. */
export interface BenchProduct {
  sku: string;
  name: string;
  price: number;
  stock: number;
  featured: boolean;
}

/** The same 100 products for every contestant. */
export const products: BenchProduct[] = Array.from({ length: 100 }, (_, i) => ({
  sku: `SKU-${String(i + 1).padStart(4, '0')}`,
  name: `Product number ${i + 1}`,
  price: Math.round((i * 7.31 + 3.5) * 100) / 100,
  stock: (i * 13) % 40,
  featured: i % 7 === 0,
}));
