import { ElementHost } from './element-host.js';
import { litflareRendererWorks } from './lit-seam-check.js';
import { LitSsrRenderer, type LitSsrRender } from './lit-ssr-fallback.js';
import type { ElementHooks, RenderedElement } from './element-hooks.js';
import { TemplateRenderer } from './renderer.js';

/**
 * The render of one part of a page: litflare's renderer (a producer the chunk
 * writer asks for markup), or @lit-labs/ssr's (an iterable of strings and
 * promises). Both tell which custom elements are open where they stopped.
 */
export type PageRender = TemplateRenderer | LitSsrRender;

/**
 * Renders the values of one page with the same hooks: its body, and later
 * the shadow roots of elements whose server data streams in.
 *
 * @example
 * ```ts
 * const renderer = pageRenderer(elementMarks(data, boundaries, islands));
 * parts.push(renderer.render(page.body), boundaries.stream(renderer));
 * ```
 */
export interface PageRenderer {
  /** Renders a value at the top of the page. */
  render(value: unknown): PageRender;
  /** Renders again the shadow root of an element this renderer wrote (a streamed boundary). */
  renderShadow(host: RenderedElement): PageRender;
}

/**
 * litflare's renderer, or, when the seam's start-up check found that Lit's
 * private API changed under it, @lit-labs/ssr's (slower, with one warning).
 *
 * @example
 * ```ts
 * const content = pageRenderer(hooks).render(html`<my-app></my-app>`);
 * ```
 */
export function pageRenderer(hooks: ElementHooks = {}): PageRenderer {
  return litflareRendererWorks() ? new LitflareRenderer(hooks) : new LitSsrRenderer(hooks);
}

class LitflareRenderer implements PageRenderer {
  readonly #hooks: ElementHooks;

  constructor(hooks: ElementHooks) {
    this.#hooks = hooks;
  }

  render(value: unknown): TemplateRenderer {
    return new TemplateRenderer(value, this.#hooks);
  }

  renderShadow(host: RenderedElement): TemplateRenderer {
    if (!(host instanceof ElementHost)) throw new Error('litflare: an element rendered by @lit-labs/ssr cannot stream through litflare’s renderer.');
    return new TemplateRenderer(host.render(), this.#hooks, { host });
  }
}
