import { LitElementRenderer, type RenderInfo } from '@lit-labs/ssr';
import { PROPS_ATTRIBUTE } from '../../shared/hydration.js';
import type { Islands } from '../../shared/islands.js';
import type { Boundaries } from './boundaries.js';
import type { HydrationData } from './hydration-data.js';

type HostStack = RenderInfo['customElementHostStack'];

/** Marks an element whose server data streams later; the swap script finds it by this. */
export const BOUNDARY_ATTRIBUTE = 'data-lf-b';

/**
 * A `LitElementRenderer` for one render pass (the page, or one streamed
 * boundary). Elements inside another element's shadow root get their
 * properties again on the client when their parent hydrates; elements written
 * by the page template itself have no such parent, so the properties the
 * template set on them are recorded in the hydration data and marked with
 * `data-lf-props`. Elements that load server data are registered with the
 * page's boundaries and marked with `data-lf-b`. Page-level islands that hydrate
 * later (`idle`, `visible`) are rendered with `defer-hydration`.
 *
 * @example
 * ```ts
 * const hosts: RenderInfo['customElementHostStack'] = [];
 * render(page, { customElementHostStack: hosts, elementRenderers: [pageElementRenderer(hosts, data, boundaries)] });
 * ```
 */
export function pageElementRenderer(
  hosts: HostStack,
  data: HydrationData,
  boundaries: Boundaries,
  islands: Islands = {},
): typeof LitElementRenderer {
  return class PageElementRenderer extends LitElementRenderer {
    readonly #pageLevel = hosts.length === 0;
    readonly #boundary = boundaries.register(this);
    #props: Record<string, unknown> | undefined;

    override setProperty(name: string, value: unknown): void {
      super.setProperty(name, value);
      if (this.#pageLevel) (this.#props ??= {})[name] = value;
    }

    override renderAttributes(): ReturnType<LitElementRenderer['renderAttributes']> {
      const attributes = super.renderAttributes();
      if (this.#props !== undefined) {
        attributes.push(` ${PROPS_ATTRIBUTE}="${data.addProps(this.tagName, this.#props)}"`);
      }
      if (this.#boundary !== undefined) attributes.push(` ${BOUNDARY_ATTRIBUTE}="${this.#boundary}"`);
      // Lit defers elements nested in another's shadow root already; a page-level
      // island waits too, until the client decides it is time to hydrate it.
      const hydrate = islands[this.tagName];
      if (this.#pageLevel && (hydrate === 'idle' || hydrate === 'visible')) attributes.push(' defer-hydration');
      return attributes;
    }
  };
}
