import { rmSync } from 'node:fs';
import { copyApp } from './app-copy.js';
import { startVite } from './vite-server.js';

/** A copy of the demo app served by `vite dev`, so a test may edit its files. */
export interface DevServer {
  root: string;
  baseURL: string;
  close: () => Promise<void>;
}

/**
 * Copies the demo app (see {@link copyApp}; `app` for another app folder) to
 * a temporary folder and starts `vite dev` on it, as `npm run dev` does.
 */
export async function startDevServer(repo: string, options: { app?: string } = {}): Promise<DevServer> {
  const root = copyApp(repo, options);
  try {
    const server = await startVite('dev', root, { NODE_ENV: 'development' });
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
