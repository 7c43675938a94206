/**
 * Gives a stored page the nonce of the response it is served in, as it
 * streams: every `nonce` attribute that holds the nonce the page was rendered
 * with (a secret the stored copy alone knows, never sent to a browser) gets
 * `fresh`. Markup that carries any other nonce (nothing litflare renders does)
 * keeps it, so no injected `<script nonce=…>` is blessed by the rewrite.
 *
 * @example
 * ```ts
 * return rewriteNonce(await caches.default.match(key), storedNonce, cspNonce());
 * ```
 */
export function rewriteNonce(response: Response, stored: string, fresh: string): Response {
  return new HTMLRewriter()
    .on(`[nonce="${cssString(stored)}"]`, {
      element(element) {
        element.setAttribute('nonce', fresh);
      },
    })
    .transform(response);
}

/** A nonce is base64 (`+/=`), which needs no escaping in a quoted CSS string; anything else is escaped anyway. */
function cssString(value: string): string {
  return value.replace(/["\\\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}
