import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
// `.ts` when the plugin runs from litflare's sources, `.js` when from its build.
const ext = extname(here);

/**
 * True when litflare runs from its TypeScript sources (inside its repository),
 * false when from the installed package's compiled files.
 *
 * @example
 * ```ts
 * if (!RUNS_FROM_SOURCES) config.optimizeDeps = { exclude: ['litflare'] };
 * ```
 */
export const RUNS_FROM_SOURCES = ext === '.ts';

/**
 * The folder litflare runs from: its `src/` in the repository, `lib/` when installed.
 *
 * @example
 * ```ts
 * const manifest = resolve(FRAMEWORK_DIR, '../package.json');
 * ```
 */
export const FRAMEWORK_DIR = resolve(dirname(here), '..');

/** The browser RPC runtime that generated proxies import. */
export const PROXY_RUNTIME = resolve(dirname(here), `../client/rpc/proxy${ext}`);

/** litflare's own Worker layer: never allowed in a client bundle. */
export const WORKER_LAYER = resolve(dirname(here), '../worker');
