import { generateCookie, generateSignedCookie, getCookie, getSignedCookie } from 'hono/cookie';
import type { CookieOptions, CookiePrefixOptions } from 'hono/utils/cookie';
import { currentContext, httpScope } from '../context/current.js';
import type { Scope } from '../context/scope.js';
import { cookieDefaults, insecureDevOrigin } from './defaults.js';

export type { CookieOptions };

/**
 * Which cookie to read: `prefix` reads `__Host-name` or `__Secure-name`.
 *
 * @example
 * ```ts
 * cookie('token', { prefix: 'host' } satisfies CookieReadOptions);
 * ```
 */
export interface CookieReadOptions {
  prefix?: CookiePrefixOptions;
}

/** Browsers ignore a cookie whose `Set-Cookie` line is longer than this. */
const MAX_COOKIE_BYTES = 4096;

const encoder = new TextEncoder();

/**
 * A cookie the browser sent with the current request, or `undefined`.
 *
 * @example
 * ```ts
 * import { cookie } from 'litflare/worker';
 * const theme = cookie('theme') ?? 'light';
 * const token = cookie('token', { prefix: 'host' }); // reads __Host-token
 * ```
 */
export function cookie(name: string, options: CookieReadOptions = {}): string | undefined {
  httpScope('cookie()').readsVisitor('cookie()');
  return getCookie(currentContext('cookie()'), name, options.prefix);
}

/**
 * Every cookie the browser sent with the current request.
 *
 * @example
 * ```ts
 * import { cookies } from 'litflare/worker';
 * const names = Object.keys(cookies());
 * ```
 */
export function cookies(): Record<string, string> {
  httpScope('cookies()').readsVisitor('cookies()');
  return getCookie(currentContext('cookies()'));
}

/**
 * A signed cookie's value if its signature checks out with `secret`, `false`
 * if it was tampered with, `undefined` if the request has none.
 *
 * @example
 * ```ts
 * import { signedCookie, secret } from 'litflare/worker';
 * const user = await signedCookie('user', secret('COOKIE_SECRET'));
 * ```
 */
export async function signedCookie(
  name: string,
  secret: string | BufferSource,
  options: CookieReadOptions = {},
): Promise<string | false | undefined> {
  httpScope('signedCookie()').readsVisitor('signedCookie()');
  return getSignedCookie(currentContext('signedCookie()'), secret, name, options.prefix);
}

/**
 * Sets a cookie on the response, starting from `HttpOnly; Secure;
 * SameSite=Lax; Path=/` (no `Secure` on `http://localhost` in development).
 * `prefix: 'host'` sends `__Host-name` (Secure, Path=/, no Domain);
 * `prefix: 'secure'` sends `__Secure-name`. Setting a cookie after the
 * response headers were sent (while a page streams) is an error.
 *
 * @example
 * ```ts
 * import { setCookie } from 'litflare/worker';
 * setCookie('theme', 'dark', { maxAge: 60 * 60 * 24 * 365 });
 * setCookie('token', token, { prefix: 'host' });
 * ```
 */
export function setCookie(name: string, value: string, options: CookieOptions = {}): void {
  const scope = writableScope('setCookie()', name);
  const line = serialize('setCookie()', name, () => generateCookie(name, value, withDefaults(scope, options)));
  scope.cookies.push(line);
}

/**
 * Sets a cookie signed with `secret` (HMAC-SHA-256), readable with
 * {@link signedCookie}. Same defaults and rules as {@link setCookie}.
 *
 * @example
 * ```ts
 * import { setSignedCookie, secret } from 'litflare/worker';
 * await setSignedCookie('user', userId, secret('COOKIE_SECRET'));
 * ```
 */
export async function setSignedCookie(
  name: string,
  value: string,
  secret: string | BufferSource,
  options: CookieOptions = {},
): Promise<void> {
  const scope = writableScope('setSignedCookie()', name);
  let line: string;
  try {
    line = await generateSignedCookie(name, value, secret, withDefaults(scope, options));
  } catch (error) {
    throw invalid('setSignedCookie()', name, error);
  }
  // Signing awaited; the headers may have gone out meanwhile.
  writableScope('setSignedCookie()', name);
  scope.cookies.push(checkSize('setSignedCookie()', name, line));
}

/**
 * Clears a cookie: sends it empty with `Max-Age=0`. Pass the `path`,
 * `domain` or `prefix` it was set with.
 *
 * @example
 * ```ts
 * import { clearCookie } from 'litflare/worker';
 * clearCookie('theme');
 * ```
 */
export function clearCookie(name: string, options: Pick<CookieOptions, 'path' | 'domain' | 'prefix'> = {}): void {
  const scope = writableScope('clearCookie()', name);
  const attributes: CookieOptions = { ...withDefaults(scope, options), maxAge: 0, expires: new Date(0) };
  scope.cookies.push(serialize('clearCookie()', name, () => generateCookie(name, '', attributes)));
}

function withDefaults(scope: Scope, options: CookieOptions): CookieOptions {
  const insecure = insecureDevOrigin(currentContext('setCookie()').req.url, scope.settings.dev);
  return { ...cookieDefaults(insecure), ...options } as CookieOptions;
}

function writableScope(accessor: string, name: string): Scope {
  const scope = httpScope(accessor);
  if (scope.phase !== 'open') {
    throw new Error(
      `litflare: ${accessor} for cookie "${name}" came after the response headers were sent (the page was ` +
        'already streaming), so the browser would never receive it. Set cookies before the response starts: ' +
        'in a before hook, in the route or page handler before it returns, or in a server function.',
    );
  }
  return scope;
}

function serialize(accessor: string, name: string, generate: () => string): string {
  let line: string;
  try {
    line = generate();
  } catch (error) {
    throw invalid(accessor, name, error);
  }
  return checkSize(accessor, name, line);
}

function invalid(accessor: string, name: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`litflare: ${accessor} cannot set cookie ${JSON.stringify(name)}: ${reason}.`, { cause: error });
}

function checkSize(accessor: string, name: string, line: string): string {
  const bytes = encoder.encode(line).length;
  if (bytes > MAX_COOKIE_BYTES) {
    throw new Error(
      `litflare: ${accessor} cannot set cookie ${JSON.stringify(name)}: it is ${bytes} bytes, and browsers ` +
        `drop cookies over ${MAX_COOKIE_BYTES} bytes. Keep large values in the session or in storage.`,
    );
  }
  return line;
}
