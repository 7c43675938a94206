/**
 * Gives a stored page the nonce of the response it is served in, as it
 * streams: every occurrence of the nonce the page was rendered with (a
 * secret of the stored copy: 128 random bits no browser ever sees) becomes
 * `fresh`, chunk by chunk, an occurrence cut between two chunks included.
 * Markup that carries any other nonce keeps it, so nothing injected is
 * blessed by the rewrite. Both nonces have the same length (base64 of 16
 * bytes), so the page keeps its length and offsets.
 *
 * @example
 * ```ts
 * return rewriteNonce(await caches.default.match(key), storedNonce, cspNonce());
 * ```
 */
export function rewriteNonce(response: Response, stored: string, fresh: string): Response {
  if (response.body === null || stored === fresh) return response;
  return new Response(response.body.pipeThrough(nonceReplacer(stored, fresh)), response);
}

function nonceReplacer(stored: string, fresh: string): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  // What may hold the start of a nonce cut by the chunk's end.
  const keep = stored.length - 1;
  let carry = '';
  return new TransformStream({
    transform(chunk, controller) {
      const text = (carry + decoder.decode(chunk, { stream: true })).replaceAll(stored, fresh);
      if (text.length <= keep) {
        carry = text;
        return;
      }
      carry = text.slice(text.length - keep);
      controller.enqueue(encoder.encode(text.slice(0, text.length - keep)));
    },
    flush(controller) {
      const text = (carry + decoder.decode()).replaceAll(stored, fresh);
      if (text !== '') controller.enqueue(encoder.encode(text));
    },
  });
}
