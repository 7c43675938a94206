/** 32 random bytes: 256 bits, as 43 base64url characters. */
const ID_BYTES = 32;
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new session id from `crypto.getRandomValues`: 256 bits, base64url.
 *
 * @example
 * ```ts
 * newSessionId(); // 'pM3x…' (43 characters)
 * ```
 */
export function newSessionId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(ID_BYTES)));
}

/**
 * Whether a cookie value could be a session id. Anything else (garbage, a
 * tampered value) is treated as no session without touching storage.
 *
 * @example
 * ```ts
 * isSessionId('not an id'); // false
 * ```
 */
export function isSessionId(value: string | undefined): value is string {
  return value !== undefined && ID_PATTERN.test(value);
}

/**
 * The storage key for a session id: its SHA-256, so that whoever reads the
 * store sees no id that a browser could present.
 *
 * @example
 * ```ts
 * await storageKey(newSessionId()); // 43 base64url characters
 * ```
 */
export async function storageKey(id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return base64url(new Uint8Array(digest));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
