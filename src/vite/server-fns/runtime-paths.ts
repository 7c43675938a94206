import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
// `.ts` when the plugin runs from litflare's sources, `.js` when from its build.
const ext = extname(here);

/** The browser RPC runtime that generated proxies import. */
export const PROXY_RUNTIME = resolve(dirname(here), `../../client/rpc/proxy${ext}`);

/** litflare's own Worker layer: never allowed in a client bundle. */
export const WORKER_LAYER = resolve(dirname(here), '../../worker');
