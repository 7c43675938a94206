import { defineConfig } from 'vite';
// An app imports 'litflare/vite'. The repository's own configs import the plugin's
// sources by path: Vite's config loader ignores the `litflare-source` export condition.
import { litflare } from './src/vite/index.js';

export default defineConfig({
  plugins: [litflare()],
});
