import { DEV_ERROR_SCRIPT_TYPE, type DevErrorData } from '../../shared/dev-error.js';
import { showDevError } from './overlay.js';

/**
 * Shows the errors a development page carries (an error page, or a page whose
 * rendering failed after it started streaming) in Vite's error overlay, with
 * the Worker's source-mapped stack and a code frame.
 *
 * @example
 * ```ts
 * if (import.meta.env.DEV) showPageErrors(document);
 * ```
 */
export function showPageErrors(root: Document): void {
  for (const script of root.querySelectorAll<HTMLScriptElement>(`script[type="${DEV_ERROR_SCRIPT_TYPE}"]`)) {
    const error = JSON.parse(script.textContent ?? '{}') as DevErrorData;
    void showDevError({ ...error, environment: 'worker' });
  }
}
