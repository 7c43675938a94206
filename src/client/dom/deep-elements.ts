/**
 * Every element under `root`, open shadow roots included: server-rendered
 * elements live inside other elements' shadow roots. In document order, with
 * an element's shadow tree right after the element.
 *
 * @example
 * ```ts
 * const reviews = [...deepElements(document)].filter((element) => element.localName === 'review-list');
 * ```
 */
export function* deepElements(root: Document | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot !== null) yield* deepElements(element.shadowRoot);
  }
}
