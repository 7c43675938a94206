// The way out when Lit's private API changed under litflare's renderer (see
// lit-seam-check.ts): pages render through @lit-labs/ssr's public `render()`,
// which ships with its own matching Lit. A subclass of its LitElementRenderer
// gives the page's hooks each element, so hydration data, server-data
// boundaries and islands keep working.
import { LitElementRenderer, render, type ElementRenderer, type RenderInfo, type RenderResult } from '@lit-labs/ssr';
import { shadowRootTag, styleTag, type ServerElement } from './element-host.js';
import type { ElementHooks, RenderedElement } from './element-hooks.js';

type Renderers = RenderInfo['customElementHostStack'];

/** A LitElement @lit-labs/ssr renders, as the page's hooks see it. */
class LitSsrElement implements RenderedElement {
  readonly tagName: string;
  readonly element: HTMLElement;
  readonly pageLevel: boolean;
  recordProperties = false;
  properties: Record<string, unknown> | undefined;
  /** The renderer @lit-labs/ssr made for the element (its host when its shadow root renders again). */
  readonly renderer: LitElementRenderer;

  constructor(renderer: LitElementRenderer, pageLevel: boolean) {
    this.renderer = renderer;
    this.tagName = renderer.tagName;
    this.element = renderer.element;
    this.pageLevel = pageLevel;
  }

  shadowRootTag(): string {
    return shadowRootTag(this.element);
  }

  styles(): string {
    return styleTag(this.element);
  }

  render(): unknown {
    return (this.element as ServerElement).render();
  }
}

/**
 * One value rendered by @lit-labs/ssr: an iterable of strings and promises
 * (what the page's chunk writer reads), and the custom elements open where
 * it stopped, for the marker that ends a page whose rendering failed.
 */
export class LitSsrRender implements Iterable<string | Promise<RenderResult>> {
  readonly #result: RenderResult;
  readonly #instances: Renderers;
  readonly #hosts: Renderers;

  constructor(value: unknown, hooks: ElementHooks, within?: LitSsrElement) {
    this.#instances = within === undefined ? [] : [within.renderer];
    this.#hosts = within === undefined ? [] : [within.renderer];
    this.#result = render(value, {
      elementRenderers: [withHooks(hooks, this.#hosts)],
      customElementInstanceStack: this.#instances,
      customElementHostStack: this.#hosts,
      eventTargetStack: within === undefined ? [] : [within.element],
    });
  }

  /** Custom elements open at this point, outermost first. */
  get elements(): readonly { readonly tagName: string }[] {
    return this.#instances.filter(isRenderer);
  }

  /** Elements whose shadow root is open at this point, outermost first. */
  get hosts(): readonly object[] {
    return this.#hosts.filter(isRenderer);
  }

  [Symbol.iterator](): Iterator<string | Promise<RenderResult>> {
    return this.#result[Symbol.iterator]();
  }
}

const isRenderer = (renderer: ElementRenderer | undefined): renderer is ElementRenderer => renderer !== undefined;

/**
 * Renders page values with @lit-labs/ssr, calling the page's `hooks` for each
 * LitElement as litflare's renderer does.
 *
 * @example
 * ```ts
 * const renderer = new LitSsrRenderer(elementMarks(data, boundaries, islands));
 * parts.push(renderer.render(page.body));
 * ```
 */
export class LitSsrRenderer {
  readonly #hooks: ElementHooks;

  constructor(hooks: ElementHooks) {
    this.#hooks = hooks;
  }

  render(value: unknown): LitSsrRender {
    return new LitSsrRender(value, this.#hooks);
  }

  /** The shadow root content of an element rendered earlier by this renderer (a streamed boundary). */
  renderShadow(host: RenderedElement): LitSsrRender {
    if (!(host instanceof LitSsrElement)) throw new Error('litflare: an element rendered by litflare’s renderer cannot stream through @lit-labs/ssr.');
    return new LitSsrRender(host.render(), this.#hooks, host);
  }
}

/**
 * A LitElementRenderer that hands each element to the page's hooks: when it
 * is created, for each property the template sets (kept when the hooks ask),
 * and for the attributes they add to its start tag. One class per render, as
 * an element's place (inside a shadow root or not) is read from that render's
 * stack of hosts.
 */
function withHooks(hooks: ElementHooks, hosts: Renderers): typeof LitElementRenderer {
  return class PageElementRenderer extends LitElementRenderer {
    readonly host: LitSsrElement;

    constructor(tagName: string) {
      super(tagName);
      this.host = new LitSsrElement(this, hosts.length === 0);
      hooks.created?.(this.host);
    }

    override setProperty(name: string, value: unknown): void {
      super.setProperty(name, value);
      if (this.host.recordProperties) (this.host.properties ??= {})[name] = value;
    }

    override renderAttributes(): ReturnType<LitElementRenderer['renderAttributes']> {
      const attributes = super.renderAttributes();
      const added = hooks.attributes?.(this.host);
      if (added !== undefined && added !== '') attributes.push(added);
      return attributes;
    }
  };
}
