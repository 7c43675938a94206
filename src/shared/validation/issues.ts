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

/**
 * The schema issues of an error, when it is a validation failure: a
 * `ServerError` with status 400 whose `data.issues` a schema filled in (a
 * server function's `input`, or a form action's). `undefined` for any other
 * error, so the one call both tells and types it.
 *
 * @example
 * ```ts
 * try {
 *   await addTodo({ title });
 * } catch (error) {
 *   const issues = validationIssues(error); // ValidationIssue[] | undefined
 *   this.titleError = issuesFor(issues, 'title')[0] ?? '';
 * }
 * ```
 */
export function validationIssues(error: unknown): ValidationIssue[] | undefined {
  if (!(error instanceof Error) || error.name !== 'ServerError') return undefined;
  const { status, data } = error as Error & { status?: unknown; data?: unknown };
  if (status !== 400 || typeof data !== 'object' || data === null) return undefined;
  const issues = (data as { issues?: unknown }).issues;
  return Array.isArray(issues) && issues.every(isIssue) ? issues : undefined;
}

/**
 * The messages of the issues about one field, named as the form names it:
 * dots between nested keys (`address.city`), the same as the name of its
 * `<input>`. An issue deeper in that field (`tags.2`) counts for it too.
 * Issues without a path belong to the empty name `''`.
 *
 * @example
 * ```ts
 * html`<input name="title" /> ${issuesFor(issues, 'title').map((message) => html`<p class="issue">${message}</p>`)}`;
 * ```
 */
export function issuesFor(issues: readonly ValidationIssue[] | undefined, name: string): string[] {
  const messages: string[] = [];
  for (const issue of issues ?? []) {
    const path = issue.path?.join('.') ?? '';
    if (path === name || (name !== '' && path.startsWith(`${name}.`))) messages.push(issue.message);
  }
  return messages;
}

function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { message, path } = value as { message?: unknown; path?: unknown };
  return typeof message === 'string' && (path === undefined || (Array.isArray(path) && path.every((key) => typeof key === 'string' || typeof key === 'number')));
}
