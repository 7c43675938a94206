import { setFormBackend } from '../../shared/forms/form-state.js';
import { DATA_SCRIPT_TYPE, decodeHydrationPayload, PROPS_ATTRIBUTE } from '../../shared/hydration.js';
import type { Settled } from '../../shared/server-data/settled.js';

/**
 * Reads the page's hydration data, once: gives page-level elements the
 * properties the server's page template set on them (before their classes
 * are defined: Lit keeps properties set on an element before it upgrades, so
 * its first, hydrating render sees the same data the server rendered with),
 * hands `formState()` the state of a form the page was rendered again for,
 * and returns the results of server-data calls the page carried.
 *
 * @example
 * ```ts
 * const data = readHydrationData(document); // before importing the components
 * ```
 */
export function readHydrationData(root: Document): Map<string, Settled> {
  const data = new Map<string, Settled>();
  // The n-th element marked gets the n-th props, across the scripts in order.
  const marked = root.querySelectorAll(`[${PROPS_ATTRIBUTE}]`);
  let next = 0;
  for (const script of root.querySelectorAll<HTMLScriptElement>(`script[type="${DATA_SCRIPT_TYPE}"]`)) {
    const payload = decodeHydrationPayload(script.textContent ?? '');
    for (const props of payload.props ?? []) {
      const element = marked[next++];
      if (element === undefined) continue;
      Object.assign(element, props);
      element.removeAttribute(PROPS_ATTRIBUTE);
    }
    for (const [key, settled] of Object.entries(payload.data ?? {})) data.set(key, settled);
    // A form posted without JavaScript that failed: formState() reads what the server rendered with.
    const form = payload.form;
    if (form !== undefined) setFormBackend({ record: () => form });
  }
  return data;
}
