import { FORM_ACTION_PARAM, type FormAction } from '../../shared/forms/form-state.js';
import { serverFnMeta } from '../../shared/rpc/protocol.js';
import { ServerError } from '../../shared/server-error.js';
import { checkCacheOptions, type CacheOptions } from '../cache/cache-options.js';
import { plainIssue } from '../../shared/validation/issues.js';
import type { StandardSchemaV1 } from '../../shared/validation/standard-schema.js';

/**
 * Options of {@link serverFn}.
 *
 * @example
 * ```ts
 * export const getTodo = serverFn({ method: 'GET', input: v.object({ id: v.number() }) }, async ({ id }) => findTodo(id));
 * ```
 */
export interface ServerFnOptions<Schema extends StandardSchemaV1 | undefined = undefined> {
  /**
   * `GET` makes the function cacheable: it is called with its arguments in the
   * query string, and may only read. @default 'POST'
   */
  method?: 'GET' | 'POST';
  /** A Standard Schema (zod, valibot, …) for the one argument; invalid input is a 400 and the function never runs. */
  input?: Schema;
  /** `Cache-Control` for answers of a `GET` function, e.g. `'public, max-age=60'`. @default 'no-store' */
  cacheControl?: string;
  /**
   * Also a form action (needs `input`): the function gets an `action` string
   * for `<form method="post" action=${fn.action}>`. A form posted without
   * JavaScript is decoded, validated with `input`, run, and answered with a
   * 303 (or the page again with the issues); with JavaScript the same form
   * goes through RPC. See the README's "Forms that work without JavaScript".
   */
  form?: boolean;
  /**
   * How answers of a `GET` function may be cached: `public` `Cache-Control` and
   * `CDN-Cache-Control`, `Cache-Tag`, and an `ETag` (a matching `If-None-Match`
   * gets a 304). Takes the place of `cacheControl`. An answer that reads the
   * session or a cookie, or sets a cookie, is never cached (an error in
   * development, `private, no-store` in production).
   */
  cache?: CacheOptions;
}

/** Run-time options a server function carries, read by the RPC dispatcher. */
export const SERVER_FN_OPTIONS = Symbol.for('litflare.serverFnOptions');

type Fn = (...args: never[]) => unknown;

/**
 * Wraps a server function to give it options: `method: 'GET'` (cacheable),
 * `input` validation with any Standard Schema, `cacheControl` or `cache`, `form: true`
 * (also a form action, see {@link FormAction}). A plain
 * `export async function` in a `*.server.ts` module needs no wrapper.
 *
 * @example
 * ```ts
 * // worker/todos.server.ts
 * import * as v from 'valibot';
 * import { serverFn } from 'litflare/worker';
 *
 * export const addTodo = serverFn({ input: v.object({ title: v.pipe(v.string(), v.minLength(1)) }) },
 *   async ({ title }) => d1('DB').prepare('INSERT INTO todos (title) VALUES (?)').bind(title).run());
 *
 * export const listTodos = serverFn({ method: 'GET', cacheControl: 'max-age=5' }, async () => …);
 *
 * // A form action too: <form method="post" action=${rename.action}> works without JavaScript.
 * export const rename = serverFn({ form: true, input: v.object({ name: v.string() }) }, async ({ name }) => save(name));
 * export const getPost = serverFn({ method: 'GET', cache: { maxAge: 60, tags: ['posts'] } }, async (id: number) => …);
 * ```
 */
export function serverFn<Schema extends StandardSchemaV1, Result>(
  options: ServerFnOptions<Schema> & { input: Schema; method?: 'POST'; form: true },
  handler: (input: StandardSchemaV1.InferOutput<Schema>) => Result,
): FormAction<StandardSchemaV1.InferInput<Schema>, Result>;
export function serverFn<Schema extends StandardSchemaV1, Result>(
  options: ServerFnOptions<Schema> & { input: Schema; form?: false },
  handler: (input: StandardSchemaV1.InferOutput<Schema>) => Result,
): (input: StandardSchemaV1.InferInput<Schema>) => Result;
export function serverFn<Handler extends Fn>(options: ServerFnOptions & { input?: undefined; form?: false }, handler: Handler): Handler;
export function serverFn(options: ServerFnOptions<StandardSchemaV1 | undefined>, handler: Fn): Fn {
  const schema = options.input;
  const wrapped = schema === undefined ? (...args: never[]) => handler(...args) : validating(schema, handler);
  if (options.cache !== undefined) checkCacheOptions(options.cache, 'serverFn()');
  Object.defineProperty(wrapped, SERVER_FN_OPTIONS, {
    value: { method: options.method ?? 'POST', cacheControl: options.cacheControl, cache: options.cache, form: options.form === true },
  });
  if (options.form === true) {
    // The id is given to the function after its module ran (by the Vite plugin's annotation).
    Object.defineProperty(wrapped, 'action', { get: () => formActionUrl(wrapped) });
  }
  return wrapped;
}

function validating(schema: StandardSchemaV1, handler: Fn): Fn {
  const validate = async (input: unknown): Promise<never> => {
    let result = schema['~standard'].validate(input);
    if (result instanceof Promise) result = await result;
    if (result.issues !== undefined) {
      throw new ServerError(400, 'Invalid input', { issues: result.issues.map(plainIssue) });
    }
    return result.value as never;
  };
  if (isAsyncGeneratorFunction(handler)) {
    // Stay a generator: callers (and the browser proxy) get the iterator at once.
    return async function* (input: unknown) {
      yield* handler(await validate(input)) as AsyncIterable<unknown>;
    };
  }
  return async (input: unknown) => handler(await validate(input));
}

function isAsyncGeneratorFunction(fn: Fn): boolean {
  return Object.getPrototypeOf(fn) === Object.getPrototypeOf(async function* () {});
}

function formActionUrl(fn: Fn): string {
  const meta = serverFnMeta(fn);
  if (meta === undefined) throw new Error('litflare: a form action gets its URL from the build: export it from a *.server.ts module in a server folder.');
  return `?${FORM_ACTION_PARAM}=${meta.id}`;
}
