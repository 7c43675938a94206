import { BOUNDARY_ATTRIBUTE } from '../../shared/boundary.js';
import { deepElements } from '../dom/deep-elements.js';

/**
 * Once the page has loaded, warns (once) about streamed boundaries that never
 * moved into place: their elements still carry `data-lf-b` and show their
 * pending state for good. The swap scripts run as the HTML arrives, so by
 * then one that is left did not run: usually a Content-Security-Policy that
 * does not allow the response's nonce. Runs in development.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) warnUnswappedBoundaries();
 * ```
 */
export function warnUnswappedBoundaries(root: Document = document): void {
  const check = (): void => {
    const tags = [...deepElements(root)].filter((element) => element.hasAttribute(BOUNDARY_ATTRIBUTE)).map((element) => `<${element.localName}>`);
    if (tags.length === 0) return;
    console.warn(
      `litflare: the server data of ${[...new Set(tags)].join(', ')} streamed in but never took its place, so ` +
        `${tags.length === 1 ? 'it keeps' : 'they keep'} showing the pending state: the inline swap script did not run. ` +
        "If the page has a Content-Security-Policy of your own, allow litflare's nonce in script-src (createApp({ csp }) does).",
    );
  };
  if (root.readyState === 'complete') setTimeout(check);
  else root.defaultView?.addEventListener('load', () => setTimeout(check), { once: true });
}
