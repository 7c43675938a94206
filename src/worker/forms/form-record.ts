import type { Context } from 'hono';
import { setFormBackend, type FormRecord } from '../../shared/forms/form-state.js';
import { scopeOf } from '../context/scope.js';
import { tryCurrentContext } from '../context/storage.js';
import type { AppEnv } from '../env.js';

// The request's failed form submission lives in its scope, never in a module global.
const FORM = Symbol('litflare.form');

setFormBackend({
  record: () => {
    const c = tryCurrentContext();
    return c === undefined ? undefined : formRecordOf(c);
  },
});

/**
 * Keeps the outcome of a form posted without JavaScript that failed, for the
 * page rendered again in the same request (`formState()` reads it).
 *
 * @example
 * ```ts
 * keepFormRecord(c, { id, values, issues });
 * ```
 */
export function keepFormRecord(c: Context<AppEnv>, record: FormRecord): void {
  scopeOf(c)?.slots.set(FORM, record);
}

/**
 * The request's failed form submission, if any.
 *
 * @example
 * ```ts
 * const form = formRecordOf(c); // carried in the page's hydration data
 * ```
 */
export function formRecordOf(c: Context<AppEnv>): FormRecord | undefined {
  return scopeOf(c)?.slots.get(FORM) as FormRecord | undefined;
}
