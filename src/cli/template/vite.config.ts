import { defineConfig } from 'vite';
import { litflare } from 'litflare/vite';

export default defineConfig({
  plugins: [litflare()],
});
