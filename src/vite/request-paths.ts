import type { IncomingMessage } from 'node:http';
import type { Connect, Plugin } from 'vite';

/**
 * Keeps a request's path a path in `vite dev` and `vite preview`. The
 * Cloudflare plugin hands the Worker `new URL(req.url, host)`, and the URL
 * parser reads a path that starts with two slashes (or backslashes) as
 * `//host/…`: `GET //evil.example/x` would reach the Worker as
 * `http://evil.example/x`, and anything that trusts the URL's host (an origin
 * check, an absolute link) would take the attacker's host for the app's.
 * Such a path is written `/.//evil.example/x` instead, which the parser reads
 * as the path `//evil.example/x` on the real host, as workerd does in
 * production. Register it before the Cloudflare plugin.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [requestPaths(), cloudflare()] });
 * ```
 */
export function requestPaths(): Plugin {
  const middleware: Connect.NextHandleFunction = (req, _res, next) => {
    keepPath(req);
    next();
  };
  return {
    name: 'litflare:request-paths',
    configureServer(server) {
      server.middlewares.use(middleware);
      server.httpServer?.prependListener('upgrade', keepPath);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
      server.httpServer.prependListener('upgrade', keepPath);
    },
  };
}

function keepPath(req: IncomingMessage & { originalUrl?: string }): void {
  if (req.url !== undefined) req.url = asPath(req.url);
  if (req.originalUrl !== undefined) req.originalUrl = asPath(req.originalUrl);
}

/**
 * `target` as a string the URL parser can only read as a path.
 *
 * @example
 * ```ts
 * asPath('//evil.example/x'); // '/.//evil.example/x'
 * ```
 */
export function asPath(target: string): string {
  return /^[/\\]{2}/.test(target) ? `/.${target}` : target;
}
