import { parse } from 'devalue';
import type { FormRecord } from './forms/form-state.js';
import type { Settled } from './server-data/settled.js';

/**
 * `type` of the `<script>` elements that carry hydration data: JSON when the
 * data is plain (an object), devalue otherwise (an array). Browsers never execute it.
 */
export const DATA_SCRIPT_TYPE = 'application/litflare+devalue';

/**
 * Attribute (without a value) on each page-level element whose properties
 * travel in the hydration data: the n-th element marked in the document gets
 * the n-th entry of the data's `props`.
 */
export const PROPS_ATTRIBUTE = 'data-lf-props';

/**
 * One hydration data script's content: properties that a page template set
 * on page-level elements (in the document order of the elements marked with
 * `data-lf-props`, continuing from the previous script's), the results of
 * server-data calls made while rendering (keyed by server function id and
 * arguments), and the state of a form posted without JavaScript.
 */
export interface HydrationPayload {
  props?: Record<string, unknown>[];
  data?: Record<string, Settled>;
  /** A form posted without JavaScript that failed: what `formState()` reads (see the page's re-render). */
  form?: FormRecord;
}

/**
 * Decodes one hydration data script's text: JSON (an object) or devalue (an array).
 *
 * @example
 * ```ts
 * const payload = decodeHydrationPayload(script.textContent ?? '');
 * ```
 */
export function decodeHydrationPayload(text: string): HydrationPayload {
  return (text[0] === '{' ? JSON.parse(text) : parse(text)) as HydrationPayload;
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
  // Most data has none of them: a test is much cheaper than a replace.
  if (!unsafe.test(json)) return json;
  return json.replace(/[<\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const unsafe = /[<\u2028\u2029]/;
