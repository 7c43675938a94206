import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import type { SessionSettings } from '../session/options.js';

/** What started an invocation: an HTTP request, a cron trigger or a queue batch. */
export type Invocation = 'fetch' | 'scheduled' | 'queue';

/**
 * Where an invocation is in its life. Response headers can change only while
 * `open`; once `sent`, a streamed body may still be rendering; `done` means
 * the response (or the cron run, or the batch) is complete.
 */
export type Phase = 'open' | 'sent' | 'done';

/** App settings an invocation needs to read. */
export interface ScopeSettings {
  /** Development mode (relaxes `Secure` on `http://localhost`). */
  readonly dev: boolean;
  /** Session settings, when the app has sessions. */
  readonly session?: SessionSettings;
}

type Task = () => Promise<void>;

/**
 * What litflare keeps for one invocation beside Hono's context: its phase,
 * the cookies to send, and work that must happen before headers go out or
 * before the response completes. It lives on the invocation's Hono context,
 * which litflare's context storage (AsyncLocalStorage) makes current, so it is
 * never shared between concurrent requests.
 *
 * @example
 * ```ts
 * const scope = new Scope('fetch', { dev: false });
 * scope.beforeHeaders(async () => commitSession());
 * ```
 */
export class Scope {
  phase: Phase = 'open';
  /** Serialized `Set-Cookie` values, added to the response when headers go out. */
  readonly cookies: string[] = [];
  /** Per-invocation values of other modules (e.g. the session), keyed by an owner's symbol. */
  readonly slots = new Map<symbol, unknown>();
  readonly #beforeHeaders: Task[] = [];
  readonly #beforeDone: Task[] = [];
  #bodyStillRendering = false;
  #failed = false;
  /** The first accessor that read the visitor (`session()`, `cookie()`, …), if any did. */
  #visitorRead: string | undefined;
  /** The response's `Cache-Control` when it went out letting shared caches keep it. */
  #sharedCaching: string | undefined;
  /** `waitUntil()` promises not settled yet. */
  #pending = 0;
  #whenOver: (() => void)[] = [];

  constructor(
    readonly invocation: Invocation,
    readonly settings: ScopeSettings,
  ) {}

  /**
   * Marks the invocation as failed: something threw and it ends in a server
   * error (5xx). Its session changes are then dropped, not half-written.
   */
  fail(): void {
    this.#failed = true;
  }

  /** Whether {@link fail} was called. */
  get failed(): boolean {
    return this.#failed;
  }

  /**
   * Declares that the response depends on who asks: `accessor` read the
   * session or the request's cookies. Such a response is kept from shared
   * caches; one that already went out cacheable by them (a streamed page that
   * set its own public `Cache-Control`) cannot be, so the read throws.
   */
  readsVisitor(accessor: string): void {
    this.#visitorRead ??= accessor;
    if (this.#sharedCaching === undefined) return;
    throw new Error(
      `litflare: ${accessor} came after the response headers went out with Cache-Control "${this.#sharedCaching}", ` +
        'which lets shared caches give this response to every visitor, and what it reads belongs to this one. ' +
        'Read it before the page streams (in the page handler or a before hook), or drop the shared caching.',
    );
  }

  /** Whether the response depends on who asks: it read the session or cookies, or sets a cookie. */
  get personal(): boolean {
    return this.#visitorRead !== undefined || this.cookies.length > 0;
  }

  /** What made the response depend on its visitor (`session()`, `cookie()`, `setCookie()`), or `undefined`. */
  get personalBecause(): string | undefined {
    return this.#visitorRead ?? (this.cookies.length > 0 ? 'setCookie()' : undefined);
  }

  /** Records that the response went out with a `Cache-Control` that lets shared caches keep it. */
  sentSharedCaching(cacheControl: string): void {
    this.#sharedCaching = cacheControl;
  }

  /** Runs `task` just before the response headers are fixed (e.g. to decide the session cookie). */
  beforeHeaders(task: Task): void {
    this.#beforeHeaders.push(task);
  }

  /** Runs `task` before the response completes (after a streamed body has rendered). */
  beforeDone(task: Task): void {
    this.#beforeDone.push(task);
  }

  /** Runs the before-headers work and moves to `sent`. */
  async sendHeaders(): Promise<void> {
    for (const task of this.#beforeHeaders) await task();
    if (this.phase === 'open') this.phase = 'sent';
  }

  /**
   * Declares that the response body keeps rendering request code after the
   * headers have gone out (a streamed page); returns what the stream must
   * await before it closes.
   */
  continueAfterHeaders(): () => Promise<void> {
    this.#bodyStillRendering = true;
    return () => this.finish();
  }

  /** Whether a streamed body will call {@link finish} itself. */
  get bodyStillRendering(): boolean {
    return this.#bodyStillRendering;
  }

  /** Runs the before-done work once and moves to `done`. */
  async finish(): Promise<void> {
    if (this.phase === 'done') return;
    for (const task of this.#beforeDone) await task();
    this.phase = 'done';
    this.#maybeOver();
  }

  /** Work that goes on after the response (`waitUntil()`): the invocation is over only when it settles. */
  track(promise: Promise<unknown>): void {
    this.#pending++;
    const settled = () => {
      this.#pending--;
      this.#maybeOver();
    };
    void promise.then(settled, settled);
  }

  /** Runs `task` once the invocation is over: `done`, and every tracked promise settled. */
  whenOver(task: () => void): void {
    this.#whenOver.push(task);
    this.#maybeOver();
  }

  #maybeOver(): void {
    if (this.phase !== 'done' || this.#pending > 0) return;
    const tasks = this.#whenOver;
    this.#whenOver = [];
    for (const task of tasks) task();
  }
}

// The scope rides on the context object under a symbol (not as a Hono
// variable: `c.set()` costs a Map per request), so it is no part of AppEnv's
// public variables. A request's scope is made when something first needs it
// (a cookie, the session, a streamed body, `waitUntil()`): most requests
// (a server function call, a plain page) never pay for one.
const SCOPE = Symbol('litflare.scope');
const DEFERRED = Symbol('litflare.deferred-scope');

interface Deferred {
  readonly settings: ScopeSettings;
  /** Brings a scope made after the response went out up to date. */
  readonly late?: (scope: Scope) => void;
}

interface Holder {
  [SCOPE]?: Scope;
  [DEFERRED]?: Deferred;
}

const holder = (c: Context<AppEnv>) => c as unknown as Holder;

/** Attaches `scope` to an invocation's Hono context. */
export function attachScope(c: Context<AppEnv>, scope: Scope): void {
  holder(c)[SCOPE] = scope;
}

/**
 * Lets {@link scopeOf} make a request's scope the first time it is asked for
 * (with `late` run on it if that is after the response went out).
 */
export function deferScope(c: Context<AppEnv>, settings: ScopeSettings, late?: (scope: Scope) => void): void {
  holder(c)[DEFERRED] = late === undefined ? { settings } : { settings, late };
}

/** The scope of a Hono context litflare handles (made now if it was deferred), or `undefined`. */
export function scopeOf(c: Context<AppEnv>): Scope | undefined {
  const h = holder(c);
  const scope = h[SCOPE];
  if (scope !== undefined) return scope;
  const deferred = h[DEFERRED];
  if (deferred === undefined) return undefined;
  const made = new Scope('fetch', deferred.settings);
  h[SCOPE] = made;
  deferred.late?.(made);
  return made;
}

/** The scope of a Hono context if it has been made, without making it. */
export function existingScope(c: Context<AppEnv>): Scope | undefined {
  return holder(c)[SCOPE];
}
