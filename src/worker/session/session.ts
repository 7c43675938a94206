import { parse } from 'devalue';
import { getCookie } from 'hono/cookie';
import { currentContext, httpScope } from '../context/current.js';
import type { Scope } from '../context/scope.js';
import { insecureDevOrigin } from '../cookies/defaults.js';
import type { SessionSettings } from './options.js';
import { SessionRecord, type LoadedSession } from './record.js';
import { isSessionId, storageKey } from './session-id.js';

/**
 * The current visitor's session. Reads and writes are synchronous (the data
 * was loaded by `await session()`); changes are written to the store before
 * the response completes. Values are plain data (serialized with devalue:
 * objects, arrays, Date, Map, Set, BigInt …).
 *
 * @example
 * ```ts
 * const s = await session<{ userId: string }>();
 * s.set('userId', user.id);
 * s.regenerate(); // new id on login
 * ```
 */
export interface Session<Data extends object = Record<string, unknown>> {
  /** True when the request brought no live session (none, expired, unknown or tampered). */
  readonly isNew: boolean;
  /** The value stored under `key`, or `undefined`. */
  get<K extends keyof Data & string>(key: K): Data[K] | undefined;
  /** Whether `key` is set. */
  has(key: keyof Data & string): boolean;
  /** The keys that are set. */
  keys(): (keyof Data & string)[];
  /** Stores `value` under `key`. Throws, changing nothing, if the session would outgrow `maxBytes`. */
  set<K extends keyof Data & string>(key: K, value: Data[K]): void;
  /** Removes `key`. */
  delete(key: keyof Data & string): void;
  /** Ends the session: its data is deleted from the store and the cookie cleared (e.g. on logout). */
  destroy(): void;
  /**
   * Moves the data to a new session id and deletes the old one, so an id
   * known before (e.g. before login) no longer works.
   */
  regenerate(): void;
}

/** A {@link Session} over this request's loaded record. */
class RecordSession<Data extends object> implements Session<Data> {
  readonly #record: SessionRecord;

  constructor(record: SessionRecord) {
    this.#record = record;
  }

  get isNew(): boolean {
    return this.#record.isNew;
  }

  get<K extends keyof Data & string>(key: K): Data[K] | undefined {
    return this.#record.get(key) as Data[K] | undefined;
  }

  has(key: keyof Data & string): boolean {
    return this.#record.has(key);
  }

  keys(): (keyof Data & string)[] {
    return this.#record.keys() as (keyof Data & string)[];
  }

  set<K extends keyof Data & string>(key: K, value: Data[K]): void {
    this.#record.set(key, value);
  }

  delete(key: keyof Data & string): void {
    this.#record.delete(key);
  }

  destroy(): void {
    this.#record.destroy();
  }

  regenerate(): void {
    this.#record.regenerate();
  }
}

const SESSION_SLOT = Symbol('litflare.session');

/**
 * The current visitor's session, loaded on first use in a request (a request
 * that never calls it reads nothing from storage). An unknown, expired or
 * tampered session cookie gives a fresh, empty session. Needs
 * `createApp({ session: { store } })`.
 *
 * @example
 * ```ts
 * import { session } from 'litflare/worker';
 *
 * app.post('/login', async (c) => {
 *   const s = await session<{ userId: string }>();
 *   s.regenerate();
 *   s.set('userId', await checkPassword(c));
 *   return c.redirect('/');
 * });
 * ```
 */
export async function session<Data extends object = Record<string, unknown>>(): Promise<Session<Data>> {
  const scope = httpScope('session()');
  scope.readsVisitor('session()');
  const settings = scope.settings.session;
  if (settings === undefined) {
    throw new Error(
      'litflare: session() needs sessions to be configured: ' +
        "createApp({ session: { store: kvSessionStore('SESSIONS') } }) or d1SessionStore('DB').",
    );
  }
  let loading = scope.slots.get(SESSION_SLOT) as Promise<Session> | undefined;
  if (loading === undefined) {
    loading = open(scope, settings);
    scope.slots.set(SESSION_SLOT, loading);
  }
  return (await loading) as Session<Data>;
}

async function open(scope: Scope, settings: SessionSettings): Promise<Session> {
  const record = new SessionRecord(scope, settings, await load(scope, settings));
  // Loaded while a page streams: the cookie is fixed, but data may still change until the end.
  if (scope.phase === 'open') scope.beforeHeaders(() => record.commit());
  scope.beforeDone(() => record.save());
  return new RecordSession(record);
}

async function load(scope: Scope, settings: SessionSettings): Promise<LoadedSession> {
  const c = currentContext('session()');
  const insecure = insecureDevOrigin(c.req.url, scope.settings.dev);
  const value = getCookie(c, settings.cookie, insecure ? undefined : 'host');
  const fresh = { id: undefined, data: {}, expiresAt: undefined, hadCookie: value !== undefined, insecure };
  if (!isSessionId(value)) return { ...fresh, discard: [] };
  const stored = await settings.store.load(await storageKey(value));
  if (stored === undefined) return { ...fresh, discard: [] };
  const data = stored.expiresAt > Date.now() ? decode(stored.data) : undefined;
  if (data === undefined) return { ...fresh, discard: [value] };
  return { id: value, data, expiresAt: stored.expiresAt, hadCookie: true, discard: [], insecure };
}

/** Stored data that does not decode to an object is dropped like an expired session. */
function decode(serialized: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = parse(serialized);
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
