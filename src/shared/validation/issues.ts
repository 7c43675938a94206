import type { StandardSchemaV1 } from './standard-schema.js';

/**
 * One reason a value failed its schema, as it crosses the wire: a message,
 * and where in the value (keys and indexes) when the schema said.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { message: 'Too short', path: ['title'] };
 * ```
 */
export interface ValidationIssue {
  message: string;
  path?: (string | number)[];
}

/**
 * A Standard Schema issue as plain data: paths of keys (symbols named), so it
 * survives serialization. Server functions (a 400's `data.issues`) and
 * WebSocket messages (a `SocketError`'s) carry their issues in this form.
 *
 * @example
 * ```ts
 * throw new ServerError(400, 'Invalid input', { issues: result.issues.map(plainIssue) });
 * ```
 */
export function plainIssue(issue: StandardSchemaV1.Issue): ValidationIssue {
  const path = issue.path?.map((segment) => {
    const key = typeof segment === 'object' ? segment.key : segment;
    return typeof key === 'symbol' ? String(key) : key;
  });
  return path === undefined ? { message: issue.message } : { message: issue.message, path };
}
