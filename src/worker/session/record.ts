import { stringify } from 'devalue';
import { generateCookie } from 'hono/cookie';
import type { Scope } from '../context/scope.js';
import { cookieDefaults } from '../cookies/defaults.js';
import type { SessionSettings } from './options.js';
import { newSessionId, storageKey } from './session-id.js';

/** What a request brought: its session (if any was live) and whether it carried a session cookie. */
export interface LoadedSession {
  /** The id from the cookie, when it matched a live stored session. */
  readonly id: string | undefined;
  readonly data: Record<string, unknown>;
  readonly expiresAt: number | undefined;
  /** Whether the request carried a session cookie at all (even a stale or forged one). */
  readonly hadCookie: boolean;
  /** Ids whose stored sessions must go (an expired session the cookie pointed at). */
  readonly discard: readonly string[];
  /** Whether the session cookie is sent without `__Host-`/`Secure` (http://localhost in development). */
  readonly insecure: boolean;
}

const encoder = new TextEncoder();

/**
 * One request's session: its data, and what must be written and which
 * cookie sent. The session cookie is decided before the response headers go
 * out ({@link commit}); data changed later, while a page streams, is written
 * before the response completes ({@link save}). Changes that would need a new
 * cookie after the headers went out, or any change after the response
 * completed, throw instead of being lost.
 *
 * @example
 * ```ts
 * const record = new SessionRecord(scope, settings, loaded);
 * scope.beforeHeaders(() => record.commit());
 * ```
 */
export class SessionRecord {
  #data: Record<string, unknown>;
  /** The id the data is stored under: the client's, or a new one once decided. */
  #id: string | undefined;
  #expiresAt: number | undefined;
  #dirty = false;
  readonly #clientId: string | undefined;
  readonly #discard: string[];

  constructor(
    readonly scope: Scope,
    readonly settings: SessionSettings,
    readonly loaded: LoadedSession,
  ) {
    this.#data = loaded.data;
    this.#id = loaded.id;
    this.#clientId = loaded.id;
    this.#expiresAt = loaded.expiresAt;
    this.#discard = [...loaded.discard];
  }

  get isNew(): boolean {
    return this.#clientId === undefined;
  }

  get(key: string): unknown {
    return Object.hasOwn(this.#data, key) ? this.#data[key] : undefined;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.#data, key);
  }

  keys(): string[] {
    return Object.keys(this.#data);
  }

  set(key: string, value: unknown): void {
    this.#assertWritable(`set(${JSON.stringify(key)})`, false);
    const next = { ...this.#data, [key]: value };
    const bytes = this.#size(next, key);
    if (bytes > this.settings.maxBytes) {
      throw new Error(
        `litflare: session.set(${JSON.stringify(key)}) would make the session ${bytes} bytes, over its limit of ` +
          `${this.settings.maxBytes}; nothing was changed. Keep large data in D1, KV or R2 and put its id in ` +
          'the session, or raise createApp({ session: { maxBytes } }).',
      );
    }
    this.#data = next;
    this.#dirty = true;
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    this.#assertWritable(`delete(${JSON.stringify(key)})`, false);
    const rest = { ...this.#data };
    delete rest[key];
    this.#data = rest;
    this.#dirty = true;
  }

  destroy(): void {
    if (this.#id === undefined && !this.loaded.hadCookie && this.keys().length === 0) return;
    this.#assertWritable('destroy()', true);
    if (this.#id !== undefined) this.#discard.push(this.#id);
    this.#id = undefined;
    this.#data = {};
    this.#dirty = false;
  }

  regenerate(): void {
    this.#assertWritable('regenerate()', true);
    if (this.#id !== undefined) this.#discard.push(this.#id);
    this.#id = undefined;
    this.#dirty = true;
  }

  /**
   * Decides the session cookie (just before the headers go out), then saves.
   * A request that failed (a thrown error ending in a 5xx) changes nothing:
   * no cookie, no write, no deletion, as if it had not touched the session.
   */
  async commit(): Promise<void> {
    if (this.scope.failed) return;
    const hasData = this.keys().length > 0;
    if (this.#id === undefined && this.#dirty && hasData) this.#id = newSessionId();
    if (this.#id !== undefined && this.#id === this.#clientId && !this.#dirty && this.#dueForRefresh()) {
      this.#dirty = true;
    }
    if (this.#id !== undefined && this.#dirty) this.#sendCookie(this.#id);
    else if (this.#id === undefined && this.loaded.hadCookie) this.#sendCookie(undefined);
    await this.save();
  }

  /** Writes what changed and deletes what was discarded (nothing, if the request failed). */
  async save(): Promise<void> {
    if (this.scope.failed) return;
    const store = this.settings.store;
    const writes = this.#discard.splice(0).map(async (id) => store.delete(await storageKey(id)));
    const id = this.#id;
    if (this.#dirty && id !== undefined) {
      this.#dirty = false;
      const expiresAt = Date.now() + this.settings.maxAge * 1000;
      this.#expiresAt = expiresAt;
      const data = stringify(this.#data);
      writes.push(storageKey(id).then((key) => store.save(key, { data, expiresAt })));
    }
    await Promise.all(writes);
  }

  /** Sliding expiry: rewrite an untouched session once a tenth of its lifetime has passed. */
  #dueForRefresh(): boolean {
    if (this.#expiresAt === undefined) return false;
    const lifetime = this.settings.maxAge * 1000;
    const writtenAt = this.#expiresAt - lifetime;
    return Date.now() - writtenAt >= lifetime / 10;
  }

  #sendCookie(id: string | undefined): void {
    const insecure = this.loaded.insecure;
    const line = generateCookie(this.settings.cookie, id ?? '', {
      ...cookieDefaults(insecure),
      ...(insecure ? {} : { prefix: 'host' as const }),
      maxAge: id === undefined ? 0 : this.settings.maxAge,
    });
    this.scope.cookies.push(line);
  }

  #size(data: Record<string, unknown>, key: string): number {
    try {
      return encoder.encode(stringify(data)).length;
    } catch (error) {
      throw new Error(
        `litflare: session.set(${JSON.stringify(key)}): the value cannot be stored ` +
          `(${error instanceof Error ? error.message : String(error)}). Sessions hold plain data: objects, ` +
          'arrays, strings, numbers, Date, Map, Set, BigInt …; nothing was changed.',
        { cause: error },
      );
    }
  }

  #assertWritable(operation: string, needsNewCookie: boolean): void {
    const phase = this.scope.phase;
    if (phase === 'done') {
      throw new Error(
        `litflare: session.${operation} came after the response had completed, so the change would be lost. ` +
          'Change the session while the request is being handled, and await the work that does it.',
      );
    }
    // Once the headers are out, the browser keeps whatever id was decided then (if any).
    if (phase === 'sent' && (needsNewCookie || this.#id === undefined)) {
      throw new Error(
        `litflare: session.${operation} came after the response headers were sent (the page was already ` +
          'streaming), and it needs a new session cookie, which can no longer reach the browser. Make this ' +
          'change before the response starts: in a before hook, in the page handler before it returns, or in ' +
          'a server function.',
      );
    }
  }
}
