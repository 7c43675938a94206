import { rmSync } from 'node:fs';
import { copyApp } from './app-copy.js';
import { startVite, type ViteServer } from './vite-server.js';

/** A copy of the demo app served by `vite dev`, so a test may edit its files. */
export interface DevServer {
  root: string;
  baseURL: string;
  close: () => Promise<void>;
}

/**
 * Serves the app copied to `root` with `start`; the copy is removed when the
 * server closes, or at once if it fails to start.
 */
export async function serveCopy(root: string, start: () => Promise<ViteServer>): Promise<DevServer> {
  try {
    const server = await start();
    return {
      root,
      baseURL: server.baseURL,
      close: async () => {
        await server.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Copies the demo app (see {@link copyApp}; `app` for another app folder) to
 * a temporary folder and starts `vite dev` on it, as `npm run dev` does.
 */
export function startDevServer(repo: string, options: { app?: string } = {}): Promise<DevServer> {
  const root = copyApp(repo, options);
  return serveCopy(root, () => startVite('dev', root, { NODE_ENV: 'development' }));
}
