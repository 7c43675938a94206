import { deepElements } from '../dom/deep-elements.js';
import { isDeferredTag } from '../islands/deferred-tags.js';

/**
 * Once the page has loaded, warns (once) about custom elements the server
 * rendered with a declarative shadow root but the client never defined: they
 * stay readable, but never hydrate or respond to input. Islands (declared with
 * `hydrateIslands`) are left out. Runs in development.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) warnUndefinedElements();
 * ```
 */
export function warnUndefinedElements(root: Document = document): void {
  const check = (): void => {
    const tags = findUndefined(root);
    if (tags.length === 0) return;
    console.warn(
      `litflare: ${tags.map((tag) => `<${tag}>`).join(', ')} ${tags.length === 1 ? 'was' : 'were'} rendered on the ` +
        'server but never defined in the browser, so it stays static (no hydration, no events). Import the ' +
        "element's module from your client entry (after 'litflare/client').",
    );
  };
  if (root.readyState === 'complete') setTimeout(check);
  else root.defaultView?.addEventListener('load', () => setTimeout(check), { once: true });
}

/** Tag names of server-rendered (shadow root present) but undefined elements, shadow roots included. */
export function findUndefined(root: Document | ShadowRoot): string[] {
  const tags = new Set<string>();
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if (element.shadowRoot !== null && tag.includes('-') && customElements.get(tag) === undefined && !isDeferredTag(tag)) {
      tags.add(tag);
    }
  }
  return [...tags];
}
