import type { RenderInfo } from '@lit-labs/ssr';
import { escapeHtml } from '../../shared/escape-html.js';
import { redirectLocation } from '../app/redirect.js';

type ElementStacks = Pick<RenderInfo, 'customElementInstanceStack' | 'customElementHostStack'>;

/**
 * Markup that ends a page whose rendering failed after the first byte went
 * out. It first closes the shadow-root templates and custom elements that
 * were open when the error was thrown, so the marker lands in the page's
 * light DOM where it is visible, not inside an unattached template.
 *
 * @example
 * ```ts
 * controller.enqueue(encode(lateErrorMarker(error, stacks, false)));
 * ```
 */
export function lateErrorMarker(error: unknown, stacks: ElementStacks, dev: boolean): string {
  let close = '';
  const instances = stacks.customElementInstanceStack;
  const hosts = stacks.customElementHostStack;
  for (let i = instances.length - 1; i >= 0; i--) {
    const instance = instances[i];
    if (instance === undefined) continue;
    if (hosts.includes(instance)) close += '</template>';
    close += `</${instance.tagName}>`;
  }
  const location = redirectLocation(error);
  if (location !== undefined) {
    // Headers are gone: the page redirects itself.
    const href = escapeHtml(location);
    return `${close}<meta http-equiv="refresh" content="0;url=${href}"><p data-litflare-redirect><a href="${href}">Continue</a></p>`;
  }
  const detail = dev && error instanceof Error ? `<pre>${escapeHtml(error.stack ?? error.message)}</pre>` : '';
  return (
    `${close}<div data-litflare-error role="alert" style="margin:1rem;padding:1rem;border:2px solid #b00020;` +
    `border-radius:8px;background:#fff0f0;color:#6d0014;font:16px/1.4 system-ui,sans-serif">` +
    `<strong>This page could not be rendered completely.</strong>${detail}</div>`
  );
}
