import { stringify } from 'devalue';
import { serverFnMeta } from '../rpc/protocol.js';

/**
 * The key of a server-data call, the same in the Worker and the browser: the
 * server function's id and its arguments encoded with devalue.
 *
 * @example
 * ```ts
 * serverDataKey(getUser, [42]); // 'qT0x2vJ7mD4cK9aB[[1],42]'
 * ```
 */
export function serverDataKey(fn: unknown, args: readonly unknown[]): string {
  const meta = serverFnMeta(fn);
  if (meta === undefined) {
    throw new TypeError(
      'litflare: ServerData loads through a server function (an export of a *.server.ts module); ' +
        `${typeof fn === 'function' && fn.name ? fn.name : 'this function'} is not one.`,
    );
  }
  return meta.id + stringify(args);
}
