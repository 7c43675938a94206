import { lookupBinding, type BindingName } from './lookup.js';

type Env = Cloudflare.Env;
/** Any Durable Object namespace, whatever its class (namespaces of different classes are not assignable to each other). */
interface AnyNamespace {
  idFromName(name: string): DurableObjectId;
  getByName(name: string): unknown;
}

/**
 * Names of the app's Durable Object namespace bindings.
 *
 * @example
 * ```ts
 * const binding: DurableObjectBindingName = 'CHAT';
 * ```
 */
export type DurableObjectBindingName = BindingName<AnyNamespace>;

/**
 * Names of secrets: `wrangler types` types them as plain `string` (vars get literal types).
 *
 * @example
 * ```ts
 * const name: SecretName = 'API_TOKEN';
 * ```
 */
export type SecretName = {
  [K in keyof Env]-?: string extends Env[K] ? (Env[K] extends string ? K : never) : never;
}[keyof Env] &
  string;

/**
 * Names of plain-text, number and boolean `[vars]`.
 *
 * @example
 * ```ts
 * const name: VariableName = 'APP_NAME';
 * ```
 */
export type VariableName = BindingName<string | number | boolean>;

/**
 * A D1 database. Only names bound to a D1 database type-check.
 *
 * @example
 * ```ts
 * const todos = await d1('DB').prepare('SELECT * FROM todos WHERE user = ?').bind(user).all();
 * ```
 */
export function d1<N extends BindingName<D1Database>>(name: N): Env[N] {
  return lookupBinding('d1', name, 'd1') as Env[N];
}

/**
 * A KV namespace.
 *
 * @example
 * ```ts
 * await kv('CACHE').put('greeting', 'hello', { expirationTtl: 60 });
 * ```
 */
export function kv<N extends BindingName<KVNamespace>>(name: N): Env[N] {
  return lookupBinding('kv', name, 'kv') as Env[N];
}

/**
 * An R2 bucket.
 *
 * @example
 * ```ts
 * const file = await r2('UPLOADS').get(key);
 * ```
 */
export function r2<N extends BindingName<R2Bucket>>(name: N): Env[N] {
  return lookupBinding('r2', name, 'r2') as Env[N];
}

/**
 * A stub for the Durable Object called `objectName` in namespace `name`
 * (the same object for the same name, wherever the call runs). The namespace
 * itself, for ids and locations of your own, is `env()[name]`.
 *
 * @example
 * ```ts
 * const members = await durableObjectStub('ROOMS', 'lobby').join(user);
 * ```
 */
export function durableObjectStub<N extends BindingName<AnyNamespace>>(
  name: N,
  objectName: string,
): ReturnType<Env[N]['getByName']> {
  const namespace = lookupBinding('durableObject', name, 'durableObjectStub') as AnyNamespace;
  return namespace.getByName(objectName) as ReturnType<Env[N]['getByName']>;
}

/**
 * A Queue producer.
 *
 * @example
 * ```ts
 * await queue('TASKS').send({ kind: 'welcome-email', user });
 * ```
 */
export function queue<N extends BindingName<Queue<never>>>(name: N): Env[N] {
  return lookupBinding('queue', name, 'queue') as Env[N];
}

/**
 * The Workers AI binding (or a local service that implements `run()`).
 *
 * @example
 * ```ts
 * const { response } = await ai('AI').run('@cf/meta/llama-3.1-8b-instruct', { prompt: 'Hi' });
 * ```
 */
export function ai<N extends BindingName<Ai>>(name: N): Env[N] {
  return lookupBinding('ai', name, 'ai') as Env[N];
}

/**
 * A service binding: another Worker, called with `fetch()` or over RPC.
 *
 * @example
 * ```ts
 * const response = await service('AUTH').fetch('https://auth/verify', { headers });
 * ```
 */
export function service<N extends BindingName<Fetcher>>(name: N): Env[N] {
  return lookupBinding('service', name, 'service') as Env[N];
}

/**
 * A secret (`wrangler secret put`, or `.dev.vars` locally). Only names that
 * `wrangler types` typed as `string` type-check, so a `[vars]` entry cannot be
 * mistaken for one.
 *
 * @example
 * ```ts
 * const signingKey = secret('SESSION_SECRET');
 * ```
 */
export function secret<N extends SecretName>(name: N): string {
  return lookupBinding('secret', name, 'secret') as string;
}

/**
 * A plain-text, number or boolean variable from `[vars]` in wrangler.toml.
 * (JSON variables are on `env()`.)
 *
 * @example
 * ```ts
 * const title = variable('APP_NAME');
 * ```
 */
export function variable<N extends VariableName>(name: N): Env[N] {
  return lookupBinding('variable', name, 'variable') as Env[N];
}
