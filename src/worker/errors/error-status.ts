import { HTTPException } from 'hono/http-exception';
import { isServerError } from '../../shared/server-error.js';
import { redirectOf } from './redirect.js';

/** An error thrown on purpose: a status, and a message (and data) meant for whoever made the request. */
export interface DeliberateError {
  readonly status: number;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * litflare's one error model: a `ServerError` (4xx/5xx) is thrown on purpose,
 * and so is a Hono `HTTPException` with a 4xx/5xx status (litflare takes it as
 * a `ServerError` of that status and message). Their status and message reach
 * the user wherever they are thrown. Anything else is unexpected: a 500 with
 * a generic message (details only in development). A redirect is neither; see
 * `redirectOf`.
 *
 * @example
 * ```ts
 * deliberateError(new ServerError(404, 'No such user')); // { status: 404, message: 'No such user' }
 * deliberateError(new HTTPException(401, { message: 'Sign in first' })); // { status: 401, message: 'Sign in first' }
 * deliberateError(new TypeError('oops')); // undefined
 * ```
 */
export function deliberateError(error: unknown): DeliberateError | undefined {
  if (isServerError(error) && isErrorStatus(error.status)) {
    return error.data === undefined
      ? { status: error.status, message: error.message }
      : { status: error.status, message: error.message, data: error.data };
  }
  if (error instanceof HTTPException && isErrorStatus(error.status)) {
    // `new HTTPException(401)` has no message: say at least what happened.
    return { status: error.status, message: error.message || `Error ${error.status}` };
  }
  return undefined;
}

/**
 * The status a thrown value answers with: a redirect's, a deliberate error's,
 * else 500.
 *
 * @example
 * ```ts
 * errorStatus(new ServerError(409, 'Taken')); // 409
 * ```
 */
export function errorStatus(error: unknown): number {
  return redirectOf(error)?.status ?? deliberateError(error)?.status ?? 500;
}

function isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}
