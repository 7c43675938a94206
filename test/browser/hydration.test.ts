/// <reference types="mocha" />
import { expect } from 'chai';
import type { LfCounter } from '../../components/lf-counter.js';
import type { Product } from '../../components/product-card.js';
import type { ProductList } from '../../components/product-list.js';
import { deep, hydrate, loadServerPage, settled, watchShadowTrees, childListChanges } from './support/ssr.js';

const products: Product[] = [
  { id: 1, name: 'Alpha', price: 1, tags: ['a'] },
  { id: 2, name: 'Beta', price: 2.5, tags: ['b', 'c'] },
  { id: 3, name: 'Gamma', price: 10, tags: [] },
];

interface HydrationCase {
  name: string;
  ssr: string;
  args: object;
  /** Paths (selectors through shadow roots) whose nodes must survive hydration and re-render. */
  stable: string[][];
  /** What the hydrated DOM shows. */
  expectations: (root: HTMLElement) => void;
  /** A change of the element's inputs after hydration, and what it must show then. */
  rerender: { apply: (root: HTMLElement) => void; expectations: (root: HTMLElement) => void };
}

const text = (root: HTMLElement, ...path: string[]) => deep(root, ...path).textContent?.trim();

const cases: HydrationCase[] = [
  {
    name: 'a counter initialised from an attribute',
    ssr: 'counter',
    args: { count: 5, step: 2 },
    stable: [['lf-counter', 'button'], ['lf-counter', 'output']],
    expectations: (root) => {
      expect(text(root, 'lf-counter', 'output')).to.equal('5');
      expect(text(root, 'lf-counter', 'button')).to.equal('+2');
    },
    rerender: {
      apply: (root) => {
        root.querySelector<LfCounter>('lf-counter')!.count = 9;
      },
      expectations: (root) => expect(text(root, 'lf-counter', 'output')).to.equal('9'),
    },
  },
  {
    name: 'a parent passing properties to nested children',
    ssr: 'list',
    args: { products },
    stable: [
      ['product-list', 'product-card:nth-of-type(1)'],
      ['product-list', 'product-card:nth-of-type(2)', 'h3'],
      ['product-list', 'product-card:nth-of-type(3)', '.price'],
    ],
    expectations: (root) => {
      expect(text(root, 'product-list', 'product-card:nth-of-type(2)', 'h3')).to.equal('Beta');
      expect(root.querySelector<ProductList>('product-list')!.products).to.deep.equal(products);
      expect(root.querySelector('[data-lf-props]')).to.equal(null);
    },
    rerender: {
      apply: (root) => {
        const list = root.querySelector<ProductList>('product-list')!;
        list.products = products.map((p) => (p.id === 2 ? { ...p, name: 'Beta II' } : p));
      },
      expectations: (root) => expect(text(root, 'product-list', 'product-card:nth-of-type(2)', 'h3')).to.equal('Beta II'),
    },
  },
  {
    name: 'a layout with slotted light-DOM content',
    ssr: 'layout',
    args: {},
    stable: [['app-layout', 'header'], ['app-layout', 'main slot'], ['#slotted']],
    expectations: (root) => {
      const slot = deep(root, 'app-layout', 'main slot') as HTMLSlotElement;
      expect(slot.assignedElements()).to.deep.equal([root.querySelector('#slotted')]);
      expect(text(root, 'app-layout', '.brand')).to.equal('Fixture');
    },
    rerender: {
      apply: (root) => root.querySelector('app-layout')!.setAttribute('brand', 'Renamed'),
      expectations: (root) => expect(text(root, 'app-layout', '.brand')).to.equal('Renamed'),
    },
  },
  {
    name: 'a page of nested elements',
    ssr: 'page',
    args: { count: 3, products },
    stable: [['lf-counter', 'output'], ['product-list', 'product-card:nth-of-type(3)', 'h3'], ['app-layout', 'footer']],
    expectations: (root) => {
      expect(text(root, 'lf-counter', 'output')).to.equal('3');
      expect(text(root, 'product-list', 'product-card:nth-of-type(3)', 'h3')).to.equal('Gamma');
    },
    rerender: {
      apply: (root) => {
        root.querySelector<LfCounter>('lf-counter')!.count = 4;
      },
      expectations: (root) => expect(text(root, 'lf-counter', 'output')).to.equal('4'),
    },
  },
];

describe('server DOM hydrates in place', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  async function serverPage(name: string, args: object) {
    const frame = await loadServerPage(name, args);
    frames.push(frame);
    return frame;
  }

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const frame = await serverPage(testCase.ssr, testCase.args);
      const body = frame.contentDocument!.body;
      const before = testCase.stable.map((path) => deep(body, ...path));
      const mutations = watchShadowTrees(body);

      const win = await hydrate(frame);

      for (const element of body.querySelectorAll('*')) {
        if (element.localName.includes('-')) {
          expect(win.customElements.get(element.localName), element.localName).to.not.equal(undefined);
          expect((element as unknown as { hasUpdated: boolean }).hasUpdated, `${element.localName} hydrated`).to.equal(true);
          expect(element.hasAttribute('defer-hydration'), `${element.localName} still deferred`).to.equal(false);
        }
      }
      expect(childListChanges(mutations()), 'hydration changed no nodes').to.deep.equal([]);
      testCase.stable.forEach((path, i) => expect(deep(body, ...path), path.join(' >>> ')).to.equal(before[i]));
      testCase.expectations(body);

      testCase.rerender.apply(body);
      await settled(body);
      testCase.rerender.expectations(body);
      testCase.stable.forEach((path, i) => expect(deep(body, ...path), `${path.join(' >>> ')} after re-render`).to.equal(before[i]));

      expect(win.litflareLogged).to.deep.equal([]);
    });
  }

  it('lets a hydrated counter count', async () => {
    const frame = await serverPage('counter', { count: 7, step: 1 });
    const win = await hydrate(frame);
    const body = frame.contentDocument!.body;
    const counter = body.querySelector<LfCounter>('lf-counter')!;
    const events: number[] = [];
    body.addEventListener('count-changed', (event) => events.push((event as CustomEvent<number>).detail));
    const button = deep(body, 'lf-counter', 'button') as HTMLButtonElement;
    button.click();
    button.click();
    await counter.updateComplete;
    expect(text(body, 'lf-counter', 'output')).to.equal('9');
    expect(events).to.deep.equal([8, 9]);
    expect(win.litflareLogged).to.deep.equal([]);
  });
});
