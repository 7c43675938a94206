import { currentEnv } from '../context/accessors.js';
import { describeBinding, KINDS, type BindingKind } from './kinds.js';

/**
 * Names of the app's bindings whose type (from `wrangler types`) is `T`:
 * `BindingName<D1Database>` is the union of the D1 binding names.
 *
 * @example
 * ```ts
 * const name: BindingName<KVNamespace> = 'SESSIONS';
 * ```
 */
export type BindingName<T> = {
  [K in keyof Cloudflare.Env]-?: Cloudflare.Env[K] extends T ? K : never;
}[keyof Cloudflare.Env] &
  string;

/**
 * The binding `name` of the current invocation, checked to be of `kind`. A
 * missing binding is an error that names it and says what to add to
 * wrangler.toml; a binding of another kind is an error that says what it is.
 *
 * @example
 * ```ts
 * const db = lookupBinding('d1', 'DB', 'd1') as D1Database;
 * ```
 */
export function lookupBinding(kind: BindingKind, name: string, accessor: string): unknown {
  const call = `${accessor}(${JSON.stringify(name)})`;
  const bindings = currentEnv(`${accessor}()`);
  const info = KINDS[kind];
  // Own properties only: a name such as "constructor" must not find Object's.
  if (!Object.hasOwn(bindings, name)) {
    throw new Error(
      `litflare: ${call}: there is no binding named "${name}". To use ${info.label} here, ` +
        `${info.setup(name)}\n\nthen run \`wrangler types\` (npm run types) to update the Env type.`,
    );
  }
  const value: unknown = (bindings as unknown as Record<string, unknown>)[name];
  if (!info.matches(value)) {
    throw new Error(`litflare: ${call}: "${name}" is ${describeBinding(value)}, not ${info.label}.`);
  }
  return value;
}
