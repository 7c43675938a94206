import { parse } from 'devalue';
import { DATA_SCRIPT_TYPE, PROPS_ATTRIBUTE, type HydrationPayload } from '../../shared/hydration.js';

/**
 * Gives page-level elements the properties the server's page template set on
 * them, before their classes are defined: Lit keeps properties set on an
 * element before it upgrades, so the element's first (hydrating) render sees
 * the same data the server rendered with.
 *
 * @example
 * ```ts
 * applyServerProps(document); // before importing the components
 * ```
 */
export function applyServerProps(root: Document): void {
  for (const script of root.querySelectorAll<HTMLScriptElement>(`script[type="${DATA_SCRIPT_TYPE}"]`)) {
    const payload = parse(script.textContent ?? '') as HydrationPayload;
    for (const [id, props] of Object.entries(payload.props ?? {})) {
      const element = root.querySelector(`[${PROPS_ATTRIBUTE}="${id}"]`);
      if (element === null) continue;
      Object.assign(element, props);
      element.removeAttribute(PROPS_ATTRIBUTE);
    }
  }
}
