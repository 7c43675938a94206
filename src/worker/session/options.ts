import type { SessionStore } from './store.js';

/**
 * Session settings for `createApp({ session })`.
 *
 * @example
 * ```ts
 * createApp({ session: { store: d1SessionStore('DB'), maxAge: 30 * 24 * 60 * 60 } });
 * ```
 */
export interface SessionOptions {
  /** Where sessions live: `kvSessionStore('SESSIONS')` or `d1SessionStore('DB')`. */
  store: SessionStore;
  /**
   * The cookie's name. It is sent as `__Host-<name>` (Secure, Path=/, no
   * Domain), or plain `<name>` without `Secure` on `http://localhost` in
   * development.
   * @default 'lf_session'
   */
  cookie?: string;
  /**
   * Seconds a session lives after it was last used (sliding expiry).
   * @default 604800 (7 days)
   */
  maxAge?: number;
  /**
   * Largest serialized session, in bytes; `set()` beyond it throws.
   * @default 16384
   */
  maxBytes?: number;
}

/** {@link SessionOptions} with defaults applied and checked. */
export interface SessionSettings {
  readonly store: SessionStore;
  readonly cookie: string;
  readonly maxAge: number;
  readonly maxBytes: number;
}

/** Browsers cap cookie lifetimes at 400 days. */
const MAX_AGE_LIMIT = 400 * 24 * 60 * 60;

/**
 * Applies defaults to session options and rejects impossible ones, so a
 * mistake shows when the app starts, not on some later request.
 *
 * @example
 * ```ts
 * sessionSettings({ store: kvSessionStore('SESSIONS'), maxAge: 3600 }).cookie; // 'lf_session'
 * ```
 */
export function sessionSettings(options: SessionOptions): SessionSettings {
  const settings = {
    store: options.store,
    cookie: options.cookie ?? 'lf_session',
    maxAge: options.maxAge ?? 7 * 24 * 60 * 60,
    maxBytes: options.maxBytes ?? 16_384,
  };
  if (!/^[\w!#$%&'*.^`|~+-]+$/.test(settings.cookie) || /^__(?:host|secure)-/i.test(settings.cookie)) {
    throw new Error(
      `litflare: session cookie name ${JSON.stringify(settings.cookie)} is not valid: use a plain token ` +
        '(letters, digits, _ - . …) without a __Host-/__Secure- prefix; litflare adds __Host- itself.',
    );
  }
  if (!Number.isInteger(settings.maxAge) || settings.maxAge < 1 || settings.maxAge > MAX_AGE_LIMIT) {
    throw new Error(
      `litflare: session maxAge must be a whole number of seconds from 1 to ${MAX_AGE_LIMIT} (400 days), ` +
        `not ${String(options.maxAge)}.`,
    );
  }
  if (!Number.isInteger(settings.maxBytes) || settings.maxBytes < 1) {
    throw new Error(`litflare: session maxBytes must be a positive whole number, not ${String(options.maxBytes)}.`);
  }
  return settings;
}
