import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { TemplateRenderer } from '../../src/worker/renderer/renderer.js';
import { ChunkWriter } from '../../src/worker/page/chunk-writer.js';

class ExplodingRow extends LitElement {
  override render(): unknown {
    throw new Error('row exploded');
  }
}
customElements.define('exploding-row', ExplodingRow);

const list = (n: number) => html`<ul>${Array.from({ length: n }, (_, i) => html`<li>${i}</li>`)}</ul>`;

async function drain(writer: ChunkWriter, limit: number): Promise<string[]> {
  const chunks: string[] = [];
  for (;;) {
    const stop = writer.fill(limit);
    if (writer.pending) chunks.push(writer.take());
    if (stop.kind === 'done') return chunks;
    if (stop.kind === 'wait') await stop.until;
  }
}

describe('ChunkWriter', () => {
  it('writes exactly what Lit’s collectResult produces', async () => {
    const chunks = await drain(new ChunkWriter(['<main>', render(list(500)), '</main>']), 1024);
    expect(chunks.join('')).toBe(`<main>${await collectResult(render(list(500)))}</main>`);
  });

  it('lets litflare’s renderer write into the same chunks, with the same markup as Lit', async () => {
    const chunks = await drain(new ChunkWriter(['<main>', new TemplateRenderer(list(500)), '</main>']), 1024);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(`<main>${await collectResult(render(list(500)))}</main>`);
  });

  it('keeps what the renderer wrote before an element threw, then rethrows', () => {
    const writer = new ChunkWriter(['<main>', new TemplateRenderer(html`${list(3)}<exploding-row></exploding-row>`)]);
    expect(() => writer.fill(1 << 20)).toThrow('row exploded');
    expect(writer.take()).toMatch(/^<main><!--lit-part [^>]+--><!--lit-part [^>]+--><ul>.*<\/ul><!--\/lit-part--><exploding-row><template shadowroot="open" shadowrootmode="open">$/);
  });

  it('stops once the buffer passes the limit', () => {
    const writer = new ChunkWriter([render(list(2000))]);
    expect(writer.fill(4096).kind).toBe('full');
    const first = writer.take();
    expect(first.length).toBeGreaterThanOrEqual(4096);
    expect(first.length).toBeLessThan(4096 + 200);
  });

  it('stops at a promise with what came before it, and goes on after it', async () => {
    let resolve!: (value: string) => void;
    const later = new Promise<string>((r) => (resolve = r));
    const writer = new ChunkWriter(['<a>', later, '<b>']);
    const stop = writer.fill(1 << 20);
    expect(stop.kind).toBe('wait');
    expect(writer.take()).toBe('<a>');
    resolve('<late>');
    if (stop.kind === 'wait') await stop.until;
    expect(writer.fill(1 << 20).kind).toBe('done');
    expect(writer.take()).toBe('<late><b>');
  });

  it('renders nested iterables and promised render results in order', async () => {
    const promised = Promise.resolve(render(html`<p>${'inner'}</p>`));
    const chunks = await drain(new ChunkWriter(['1', ['2', ['3']], promised, '4']), 1 << 20);
    expect(chunks.join('')).toMatch(/^123<!--lit-part [^>]+--><p><!--lit-part-->inner<!--\/lit-part--><\/p><!--\/lit-part-->4$/);
  });
});
