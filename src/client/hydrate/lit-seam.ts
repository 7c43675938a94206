// Every use litflare's browser runtime makes of Lit's private API, in this one
// module: the flag Lit's hydrate support sets on an element whose shadow root
// the server rendered, and the `update` of LitElement that litflare wraps to
// act just before such an element hydrates. It checks at boot that both are
// there and behave; if not, litflare's wrappers stay off with one warning, and
// hydration is Lit's own.
import { LitElement, type PropertyValues } from 'lit';

/** Lit's `LitElement.prototype.update`, as a wrapper calls it. */
export type Update = (this: LitElement, changed: PropertyValues) => void;

/**
 * What runs in place of an element's `update`: `hydrating` tells whether this
 * update hydrates the server's markup; `update` is Lit's, to call.
 */
export type UpdateWrapper = (element: LitElement, changed: PropertyValues, hydrating: boolean, update: Update) => void;

/** Lit's client internals, as litflare uses them. */
export interface ClientLitSeam {
  /** Runs `wrapper` in place of every LitElement's `update`. */
  wrapUpdate(wrapper: UpdateWrapper): void;
}

// The comments Lit's hydration reads around a child part (`<!--lit-part-->`, `<!--/lit-part-->`).
export const PART_OPEN_DATA = 'lit-part';
export const PART_CLOSE_DATA = '/lit-part';

/**
 * The seam over `base` (LitElement, after Lit's hydrate support patched it),
 * or why it cannot be used. The hydration flag is found by asking the hydrate
 * support's `createRenderRoot` about an object that has a shadow root: the
 * property it sets to `true` is the flag, whatever its name (Lit minifies it
 * in production builds: `_$needsHydration` in development, `_$AG` in 3.3).
 *
 * @example
 * ```ts
 * const seam = createClientLitSeam(LitElement);
 * if (typeof seam !== 'string') seam.wrapUpdate((element, changed, hydrating, update) => update.call(element, changed));
 * ```
 */
export function createClientLitSeam(base: typeof LitElement): ClientLitSeam | string {
  const prototype = base.prototype as unknown as Record<string, unknown>;
  const update = prototype['update'];
  if (typeof update !== 'function') return 'LitElement.prototype.update is missing';
  const flag = hydrationFlag(prototype['createRenderRoot']);
  if (flag === undefined) return "Lit's hydrate support sets no hydration flag in createRenderRoot";
  const needsHydration = (element: LitElement) => (element as unknown as Record<string, unknown>)[flag] === true;
  return {
    wrapUpdate(wrapper) {
      const inner = prototype['update'] as Update;
      prototype['update'] = function (this: LitElement, changed: PropertyValues) {
        wrapper(this, changed, needsHydration(this), inner);
      };
    },
  };
}

function hydrationFlag(createRenderRoot: unknown): string | undefined {
  if (typeof createRenderRoot !== 'function') return undefined;
  const shadowRoot = {};
  const probe: Record<string, unknown> = { shadowRoot };
  try {
    if (createRenderRoot.call(probe) !== shadowRoot) return undefined;
  } catch {
    // Without hydrate support, createRenderRoot adopts styles: the probe has none.
    return undefined;
  }
  const set = Object.keys(probe).filter((key) => key !== 'shadowRoot' && probe[key] === true);
  return set.length === 1 ? set[0] : undefined;
}

let checked: ClientLitSeam | undefined | null = null;

/**
 * The seam over the page's LitElement, checked once (at boot, by the first
 * caller); `undefined`, with one console warning, when Lit changed so that
 * litflare's hydration wrappers must stay off.
 *
 * @example
 * ```ts
 * litSeam()?.wrapUpdate((element, changed, hydrating, update) => update.call(element, changed));
 * ```
 */
export function litSeam(): ClientLitSeam | undefined {
  if (checked === null) {
    const seam = createClientLitSeam(LitElement);
    checked = typeof seam === 'string' ? undefined : seam;
    if (typeof seam === 'string') {
      console.warn(`litflare: ${seam}; its fixes to Lit's hydration are off (see "How pages are rendered" in its README).`);
    }
  }
  return checked;
}
