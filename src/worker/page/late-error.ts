import { escapeHtml } from '../../shared/escape-html.js';
import { deliberateError } from '../errors/error-status.js';
import { redirectLocation } from '../errors/redirect.js';
import { devErrorScript } from './dev-error-script.js';

/** The custom elements open where rendering stopped, outermost first (see `TemplateRenderer`). */
interface OpenElements {
  readonly elements: readonly { readonly tagName: string }[];
  readonly hosts: readonly object[];
}

/**
 * Markup that ends a page whose rendering failed after the first byte went
 * out. It first closes the shadow-root templates and custom elements that
 * were open when the error was thrown, so the marker lands in the page's
 * light DOM where it is visible, not inside an unattached template. A
 * redirect becomes a `<meta http-equiv="refresh">`; a `ServerError` (or
 * `HTTPException`) shows its message; any other error shows its stack, and
 * opens Vite's overlay, only in development.
 *
 * @example
 * ```ts
 * controller.enqueue(encode(lateErrorMarker(error, renderer, false)));
 * ```
 */
export function lateErrorMarker(error: unknown, open: OpenElements, dev: boolean): string {
  let close = '';
  const { elements, hosts } = open;
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    if (hosts.includes(element)) close += '</template>';
    close += `</${element.tagName}>`;
  }
  const location = redirectLocation(error);
  if (location !== undefined) {
    // Headers are gone: the page redirects itself.
    const href = escapeHtml(location);
    return `${close}<meta http-equiv="refresh" content="0;url=${href}"><p data-litflare-redirect><a href="${href}">Continue</a></p>`;
  }
  const deliberate = deliberateError(error);
  let detail = '';
  if (deliberate !== undefined) detail = `<p>${escapeHtml(deliberate.message)}</p>`;
  else if (dev) detail = (error instanceof Error ? `<pre>${escapeHtml(error.stack ?? error.message)}</pre>` : '') + devErrorScript(error);
  return (
    `${close}<div data-litflare-error role="alert" style="margin:1rem;padding:1rem;border:2px solid #b00020;` +
    `border-radius:8px;background:#fff0f0;color:#6d0014;font:16px/1.4 system-ui,sans-serif">` +
    `<strong>This page could not be rendered completely.</strong>${detail}</div>`
  );
}
