import { BOUNDARY_ATTRIBUTE } from '../../shared/boundary.js';
import { PROPS_ATTRIBUTE } from '../../shared/hydration.js';
import type { Islands } from '../../shared/islands.js';
import type { ElementHooks, RenderedElement } from '../renderer/element-hooks.js';
import type { Boundaries } from './boundaries.js';
import type { HydrationData } from './hydration-data.js';

const PROPS_MARK = ` ${PROPS_ATTRIBUTE}`;

/**
 * What a page adds to each custom element it renders. Elements inside another
 * element's shadow root get their properties again on the client when their
 * parent hydrates; elements written by the page template itself have no such
 * parent, so the properties the template set on them are recorded in the
 * hydration data and marked with `data-lf-props`. Elements that load server
 * data are registered with the page's boundaries and marked with `data-lf-b`.
 * Page-level islands that hydrate later (`idle`, `visible`) are rendered with
 * `defer-hydration`.
 *
 * @example
 * ```ts
 * const content = pageRenderer(elementMarks(data, boundaries, islands)).render(page.body);
 * ```
 */
export function elementMarks(data: HydrationData, boundaries: Boundaries, islands: Islands = {}): ElementHooks {
  return {
    created(host: RenderedElement): void {
      if (host.pageLevel) host.recordProperties = true;
      boundaries.register(host);
    },
    attributes(host: RenderedElement): string {
      let markup = '';
      if (host.properties !== undefined) {
        data.addProps(host.tagName, host.properties);
        markup += PROPS_MARK;
      }
      const boundary = boundaries.boundaryOf(host);
      if (boundary !== undefined) markup += ` ${BOUNDARY_ATTRIBUTE}="${boundary}"`;
      // Lit defers elements nested in another's shadow root already; a page-level
      // island waits too, until the client decides it is time to hydrate it.
      const hydrate = islands[host.tagName];
      if (host.pageLevel && (hydrate === 'idle' || hydrate === 'visible')) markup += ' defer-hydration';
      return markup;
    },
    hold: (host) => boundaries.hold(host),
  };
}
