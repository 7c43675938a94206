import { html } from 'lit';
import { createApp } from 'litflare/worker';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import './fixtures/data-probes.js';
import { release } from './fixtures/latches.js';
import { testShell } from './fixtures/shell.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];

// The swap script runs in browsers (test/browser, test/e2e prove what it
// does). Here: that the page sends exactly that script, once, with the
// response's nonce, after each boundary's holder, naming the boundary the
// holder and the marked element carry.

/**
 * The swap function, as reviewed: it finds the element marked `data-lf-b="<id>"`
 * (searching open shadow roots), gives its shadow root the children of the
 * `<lf-b id="lf-b-<id>">` holder's shadow root, unmarks it, and removes the
 * holder. Written out in full, names included: a change to
 * src/worker/page/swap-script.ts, or to the names in src/shared/boundary.ts
 * (which the server's markup and the client use too), must change this too.
 */
const SWAP =
  'self.__lf=function(i){' +
  'function f(r){var e=r.querySelector(\'[data-lf-b="\'+i+\'"]\');if(e)return e;' +
  'for(var n of r.querySelectorAll("*"))if(n.shadowRoot&&(e=f(n.shadowRoot)))return e}' +
  'var s=document.getElementById("lf-b-"+i),t=f(document);' +
  'if(s&&t&&t.shadowRoot){t.shadowRoot.replaceChildren(...s.shadowRoot.childNodes);t.removeAttribute("data-lf-b")}' +
  'if(s)s.remove()};';

const app = createApp({ shell: testShell, dev: false, dataTimeout: 1000 });
app.page('/nested', (c) => html`<nested-probe token=${c.req.query('outer')!} inner=${c.req.query('inner')!}></nested-probe>`);

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
/** The shadow root of an element rendered with declarative shadow DOM: its `<template shadowrootmode="open">`'s content. */
function shadowRoot(element: Element): Node[] | undefined {
  const template = element.childNodes.find((node): node is DefaultTreeAdapterMap['template'] => isElement(node) && node.tagName === 'template');
  return template !== undefined && attr(template, 'shadowrootmode') === 'open' ? template.content.childNodes : undefined;
}
/** Every element under `nodes`, shadow roots included, in document order. */
function elements(nodes: Node[]): Element[] {
  return nodes.filter(isElement).flatMap((element) => [element, ...elements(element.childNodes), ...elements(shadowRoot(element) ?? [])]);
}
const text = (element: Element) => element.childNodes.map((node) => ('value' in node ? node.value : '')).join('');

describe('the swap script of streamed boundaries', () => {
  it('follows each boundary’s holder, with the response’s nonce, naming the holder’s and the marked element’s id', async () => {
    const [outer, inner] = [`swap-o-${crypto.randomUUID()}`, `swap-i-${crypto.randomUUID()}`];
    const response = await app.request(`/nested?outer=${outer}&inner=${inner}`);
    release(outer);
    release(inner);
    const page = await response.text();
    const nonce = /'nonce-([\w+/=]+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeDefined();

    const body = parseHtml(page).childNodes.filter(isElement)[0]!.childNodes.filter(isElement).find((node) => node.tagName === 'body')!;
    // In the body, in order: the shell's element (marked 0), then per boundary its holder, its data, its swap script.
    const sequence = body.childNodes.filter(isElement).map((element) =>
      element.tagName === 'script' ? (attr(element, 'type') === undefined ? `swap ${text(element)}` : 'data') : `${element.tagName}#${attr(element, 'id') ?? ''}`,
    );
    expect(sequence).toEqual(['nested-probe#', 'lf-b#lf-b-0', 'data', `swap ${SWAP}__lf(0)`, 'lf-b#lf-b-1', 'data', 'swap __lf(1)']);
    const swaps = body.childNodes.filter(isElement).filter((element) => element.tagName === 'script' && attr(element, 'type') === undefined);
    expect(swaps.map((script) => script.attrs)).toEqual([[{ name: 'nonce', value: nonce }], [{ name: 'nonce', value: nonce }]]);

    // What the script looks up: `[data-lf-b="0"]` in the document, `[data-lf-b="1"]` inside
    // the content holder 0 brings; each holder `#lf-b-<id>`, hidden, with an open shadow root.
    const all = elements(body.childNodes);
    const marked = (id: string) => all.filter((element) => attr(element, 'data-lf-b') === id).map((element) => element.tagName);
    expect(marked('0')).toEqual(['nested-probe']);
    expect(marked('1')).toEqual(['data-probe']);
    const holder = (id: string) => all.find((element) => attr(element, 'id') === `lf-b-${id}`)!;
    for (const id of ['0', '1']) {
      expect(holder(id).tagName).toBe('lf-b');
      expect(attr(holder(id), 'hidden')).toBe('');
      expect(shadowRoot(holder(id))).toBeDefined();
    }
    // Holder 0 brings the outer data and the inner element (marked 1); holder 1 the inner data.
    const brought = (id: string) => elements(shadowRoot(holder(id))!);
    expect(brought('0').map(text).join('')).toContain('outer: ');
    expect(brought('0').filter((element) => attr(element, 'data-lf-b') === '1').map((element) => element.tagName)).toEqual(['data-probe']);
    expect(brought('1').map(text).join('')).toContain('Got inner');
  });
});
