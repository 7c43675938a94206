/**
 * Every element matching `selector` under `root`, open shadow roots included
 * (server-rendered elements live inside other elements' shadow roots).
 *
 * @example
 * ```ts
 * deepQueryAll(document, 'review-list'); // also inside <app-layout>'s shadow root
 * ```
 */
export function deepQueryAll(root: Document | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (scope: Document | ShadowRoot): void => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot !== null) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}
