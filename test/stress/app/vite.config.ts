import { defineConfig } from 'vite';
import { litflare } from '../../../src/vite/index.js';

// Local storage goes where the stress run says (a temporary folder), never into the repository.
const path = process.env.LITFLARE_PERSIST_TO ?? '.wrangler/state';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [litflare({ cloudflare: { inspectorPort: false, persistState: { path } } })],
});
