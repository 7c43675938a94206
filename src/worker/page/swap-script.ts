import { BOUNDARY_ATTRIBUTE, BOUNDARY_HOLDER } from '../../shared/boundary.js';

/**
 * The inline script that moves a streamed boundary into place: it finds the
 * element marked `data-lf-b="<id>"` (searching open shadow roots too: kept
 * tiny, it walks on its own rather than load the client's walker), gives its
 * shadow root the streamed `<lf-b>` holder's children, and removes the
 * holder. It runs as the HTML arrives, before any module script, so elements
 * hydrate over the final DOM. Defined once per page, by the first boundary.
 */
const DEFINE =
  'self.__lf=function(i){' +
  `function f(r){var e=r.querySelector('[${BOUNDARY_ATTRIBUTE}="'+i+'"]');if(e)return e;` +
  'for(var n of r.querySelectorAll("*"))if(n.shadowRoot&&(e=f(n.shadowRoot)))return e}' +
  `var s=document.getElementById("${BOUNDARY_HOLDER}-"+i),t=f(document);` +
  `if(s&&t&&t.shadowRoot){t.shadowRoot.replaceChildren(...s.shadowRoot.childNodes);t.removeAttribute("${BOUNDARY_ATTRIBUTE}")}` +
  'if(s)s.remove()};';

/**
 * The `<script>` after boundary `id`: with the swap function's definition for
 * the first one, and the response's CSP nonce when it has one.
 *
 * @example
 * ```ts
 * swapScript(3, false); // '<script>__lf(3)</script>'
 * swapScript(3, false, 'r4nd0m'); // '<script nonce="r4nd0m">__lf(3)</script>'
 * ```
 */
export function swapScript(id: number, define: boolean, nonce?: string): string {
  return `<script${nonce === undefined ? '' : ` nonce="${nonce}"`}>${define ? DEFINE : ''}__lf(${id})</script>`;
}
