import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

/**
 * The id of a server function: a hash of its module's path relative to the
 * project root (with `/` separators) and its export name. The same on every
 * machine and in every build; it reveals neither.
 *
 * @example
 * ```ts
 * serverFnId('/app', '/app/worker/todos.server.ts', 'listTodos'); // e.g. 'qT0x2vJ7mD4cK9aB'
 * ```
 */
export function serverFnId(root: string, file: string, name: string): string {
  const path = relative(root, file).split(sep).join('/');
  return createHash('sha256').update(`${path}#${name}`).digest('base64url').slice(0, 16);
}
