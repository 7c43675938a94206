/** One cookie as a browser keeps it for one origin. */
interface StoredCookie {
  value: string;
  path: string;
  expires: number | undefined;
}

/**
 * The cookies of one visitor to one origin, kept as a browser keeps them:
 * `Set-Cookie` answers store, replace or delete them (`Max-Age=0`, an
 * `Expires` in the past), and each request carries those whose `Path` it is
 * under. Domains are not checked: a jar serves one origin.
 *
 * @example
 * ```ts
 * const jar = new CookieJar();
 * jar.store(response);
 * request.headers.set('cookie', jar.header('/account'));
 * ```
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Keeps what the `Set-Cookie` headers of `response` say. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) this.#storeLine(line);
  }

  /** The `Cookie` header for a request to `path` (`''` when no cookie applies). */
  header(path: string): string {
    const now = Date.now();
    const pairs: string[] = [];
    for (const [name, cookie] of this.#cookies) {
      if (cookie.expires !== undefined && cookie.expires <= now) {
        this.#cookies.delete(name);
        continue;
      }
      if (underPath(path, cookie.path)) pairs.push(`${name}=${cookie.value}`);
    }
    return pairs.join('; ');
  }

  /** The value of a cookie, or `undefined`. */
  get(name: string): string | undefined {
    const cookie = this.#cookies.get(name);
    if (cookie?.expires !== undefined && cookie.expires <= Date.now()) return undefined;
    return cookie?.value;
  }

  #storeLine(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const name = pair.slice(0, equals).trim();
    const cookie: StoredCookie = { value: pair.slice(equals + 1).trim(), path: '/', expires: undefined };
    let maxAge: number | undefined;
    for (const attribute of attributes) {
      const [key = '', ...rest] = attribute.split('=');
      const value = rest.join('=').trim();
      const lower = key.trim().toLowerCase();
      if (lower === 'path' && value.startsWith('/')) cookie.path = value;
      else if (lower === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
      else if (lower === 'expires' && !Number.isNaN(Date.parse(value))) cookie.expires = Date.parse(value);
    }
    // Max-Age wins over Expires, as in browsers.
    if (maxAge !== undefined) cookie.expires = Date.now() + maxAge * 1000;
    if (cookie.expires !== undefined && cookie.expires <= Date.now()) this.#cookies.delete(name);
    else this.#cookies.set(name, cookie);
  }
}

function underPath(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath || cookiePath === '/') return true;
  return requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}
