// The demo's Vite config, except that local storage (D1, KV, R2, Durable
// Objects) persists in the folder named by LITFLARE_PERSIST_TO: a test can
// stop workerd and start it again on the same data, apart from `.wrangler/`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { litflare } from '../../../src/vite/index.js';

const path = process.env.LITFLARE_PERSIST_TO;
if (path === undefined) throw new Error('Set LITFLARE_PERSIST_TO to the folder that keeps the local storage.');

export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  plugins: [litflare({ cloudflare: { inspectorPort: false, persistState: { path } } })],
});
