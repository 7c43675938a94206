declare global {
  // Wrangler's `wrangler types` fills this interface from wrangler.toml; the
  // framework reads binding types from it, the same place `cloudflare:workers` does.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Cloudflare {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Env {}
  }
}

/**
 * The Hono environment of a litflare app: bindings typed from the app's
 * `wrangler types` output.
 *
 * @example
 * ```ts
 * import type { Context } from 'hono';
 * const handler = (c: Context<AppEnv>) => c.env.DB;
 * ```
 */
export interface AppEnv {
  Bindings: Cloudflare.Env;
}
