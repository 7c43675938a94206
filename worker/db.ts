import { getContext } from 'hono/context-storage';
import type { AppEnv } from 'litflare/worker';

/** The demo's D1 database, for the request being served. */
export function db(): D1Database {
  return getContext<AppEnv>().env.DB;
}
