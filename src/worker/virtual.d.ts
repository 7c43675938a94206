declare module 'virtual:litflare/shell' {
  /** The app's index.html after Vite's transforms (dev: with the HMR client; build: hashed assets). */
  const html: string;
  export default html;
}

declare module 'virtual:litflare/server-fns' {
  import type { RegistryEntry } from './rpc/registry.js';
  /** Every server function of the app, by id. */
  export const serverFns: Readonly<Record<string, RegistryEntry>>;
}
