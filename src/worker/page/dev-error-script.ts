import { DEV_ERROR_SCRIPT_TYPE, devErrorData } from '../../shared/dev-error.js';
import { escapeScriptJson } from '../../shared/hydration.js';

/**
 * The data script by which a page rendered in development hands the error
 * that broke it to the browser, where the client runtime shows it in Vite's
 * error overlay. Only ever called with `dev` on: production pages carry no
 * message, stack or path.
 *
 * @example
 * ```ts
 * const markup = dev ? devErrorScript(error) : '';
 * ```
 */
export function devErrorScript(error: unknown): string {
  return `<script type="${DEV_ERROR_SCRIPT_TYPE}">${escapeScriptJson(JSON.stringify(devErrorData(error)))}</script>`;
}
