import { defineConfig } from 'vite';
import { litflare } from 'litflare/vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [litflare({ cloudflare: { inspectorPort: false, persistState: false } })],
});
