import { plainIssue } from '../../shared/validation/issues.js';
import type { StandardSchemaV1 } from '../../shared/validation/standard-schema.js';
import { SocketError } from '../../shared/websocket/socket-error.js';

/**
 * Checks a decoded message against a Standard Schema (zod, valibot, …) and
 * returns its output, or throws a {@link SocketError} carrying the issues as
 * plain data (key paths), for the client that sent it.
 *
 * @example
 * ```ts
 * const message = await validateMessage(schema, parse(text));
 * ```
 */
export async function validateMessage<Output>(schema: StandardSchemaV1<unknown, Output>, value: unknown): Promise<Output> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues === undefined) return result.value;
  throw new SocketError('Invalid message', { issues: result.issues.map(plainIssue) });
}
