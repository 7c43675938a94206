import { defineConfig } from 'vite';
import { litflare } from '../../src/vite/index.js';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [litflare({ cloudflare: { inspectorPort: false, persistState: false } })],
});
