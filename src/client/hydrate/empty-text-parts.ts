import { litSeam, PART_CLOSE_DATA, PART_OPEN_DATA } from './lit-seam.js';

/**
 * Puts an empty text node into every child part the server rendered empty
 * (`<!--lit-part-->` right before `<!--/lit-part-->`: a binding whose value
 * was `''`, `null` or `undefined`). Lit's hydration takes such a part to hold
 * a text node, as a client render would, and writes the next text value into
 * whatever follows its start marker: the closing marker, so the text never
 * shows. A part that gets a template, a list or `nothing` later clears the
 * empty node away.
 *
 * @example
 * ```ts
 * fillEmptyTextParts(element.shadowRoot!); // before Lit hydrates it
 * ```
 */
export function fillEmptyTextParts(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let node: Node | null;
  while ((node = walker.nextNode())) {
    const next = node.nextSibling;
    if ((node as Comment).data == PART_OPEN_DATA && next?.nodeType == Node.COMMENT_NODE && (next as Comment).data == PART_CLOSE_DATA) next.before('');
  }
}

/**
 * Makes every LitElement that hydrates server-rendered markup fill its empty
 * text parts first (see {@link fillEmptyTextParts}). Call after Lit's hydrate
 * support is installed, before elements update. Does nothing (the seam has
 * warned) when Lit changed so that litflare cannot tell which update hydrates.
 *
 * @example
 * ```ts
 * import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
 * fillEmptyTextPartsOnHydration();
 * ```
 */
export function fillEmptyTextPartsOnHydration(): void {
  litSeam()?.wrapUpdate((element, changed, hydrating, update) => {
    if (hydrating) fillEmptyTextParts(element.renderRoot);
    update.call(element, changed);
  });
}
