/**
 * A session as a store keeps it.
 *
 * @example
 * ```ts
 * await store.save(key, { data: '[{}]', expiresAt: Date.now() + 3_600_000 } satisfies StoredSession);
 * ```
 */
export interface StoredSession {
  /** The session data, serialized by litflare (devalue). */
  readonly data: string;
  /** When the session expires, in milliseconds since the epoch. */
  readonly expiresAt: number;
}

/**
 * Where sessions live. litflare ships {@link kvSessionStore} and
 * {@link d1SessionStore}; any object with these three methods works. Keys are
 * hashes of session ids, never the ids themselves, so a leaked store does
 * not leak live sessions.
 *
 * @example
 * ```ts
 * const memoryless: SessionStore = {
 *   load: async (key) => undefined,
 *   save: async (key, session) => {},
 *   delete: async (key) => {},
 * };
 * ```
 */
export interface SessionStore {
  /** The session stored under `key`, or `undefined`. It may have expired; litflare checks. */
  load(key: string): Promise<StoredSession | undefined>;
  /** Stores `session` under `key`, replacing what was there. */
  save(key: string, session: StoredSession): Promise<void>;
  /** Removes the session stored under `key`, if any. */
  delete(key: string): Promise<void>;
}
