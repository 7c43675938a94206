/**
 * The `ws:`/`wss:` URL for `path`: relative paths resolve against the page
 * (`http:` becomes `ws:`, `https:` becomes `wss:`), so the socket goes to the
 * origin that served the page, which the server's origin check accepts.
 *
 * @example
 * ```ts
 * socketUrl('/ws/lobby', 'https://chat.example/rooms'); // 'wss://chat.example/ws/lobby'
 * ```
 */
export function socketUrl(path: string, base: string | undefined = globalThis.location?.href): string {
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    throw new Error(
      `litflare: cannot open a WebSocket to "${path}": ` +
        (base === undefined ? 'a relative path needs a page to resolve against; pass an absolute ws:// or wss:// URL.' : 'it is not a valid URL.'),
    );
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`litflare: cannot open a WebSocket to "${path}": the URL must be http(s) or ws(s), not ${url.protocol}`);
  }
  return url.href;
}
