import type { CookieOptions } from 'hono/utils/cookie';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether cookies for this request may go without `Secure`: only in
 * development, and only over plain `http://` to localhost, where a browser
 * would otherwise drop a `Secure` cookie on some engines.
 *
 * @example
 * ```ts
 * insecureDevOrigin('http://localhost:5173/', true); // true
 * insecureDevOrigin('http://localhost:5173/', false); // false
 * ```
 */
export function insecureDevOrigin(url: string, dev: boolean): boolean {
  if (!dev) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (LOOPBACK.has(hostname) || hostname.endsWith('.localhost'));
}

/**
 * The attributes every cookie litflare sets starts from:
 * `HttpOnly; Secure; SameSite=Lax; Path=/` (without `Secure` on an insecure
 * development origin).
 *
 * @example
 * ```ts
 * generateCookie('theme', 'dark', { ...cookieDefaults(false), maxAge: 3600 });
 * ```
 */
export function cookieDefaults(insecure: boolean): CookieOptions {
  return { httpOnly: true, secure: !insecure, sameSite: 'Lax', path: '/' };
}
