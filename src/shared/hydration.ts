import type { FormRecord } from './forms/form-state.js';
import type { Settled } from './server-data/settled.js';

/** `type` of the `<script>` elements that carry hydration data (devalue). Browsers never execute it. */
export const DATA_SCRIPT_TYPE = 'application/litflare+devalue';

/** Attribute on a page-level element whose properties travel in the hydration data. */
export const PROPS_ATTRIBUTE = 'data-lf-props';

/**
 * One hydration data script's content: properties that a page template set
 * on page-level elements (keyed by the element's `data-lf-props` id), and the
 * results of server-data calls made while rendering (keyed by server function
 * id and arguments), and the state of a form posted without JavaScript.
 */
export interface HydrationPayload {
  props?: Record<number, Record<string, unknown>>;
  data?: Record<string, Settled>;
  /** A form posted without JavaScript that failed: what `formState()` reads (see the page's re-render). */
  form?: FormRecord;
}

/**
 * Escapes serialized data for the inside of a `<script>` element: no `<` (so
 * no `</script>` or `<!--`), and no U+2028/U+2029. The result parses to the same
 * JSON.
 *
 * @example
 * ```ts
 * escapeScriptJson('["</script>"]'); // '["\\u003c/script>"]'
 * ```
 */
export function escapeScriptJson(json: string): string {
  return json.replace(/[<\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
