import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Plugin } from 'vite';

const HEADERS_FILE = '_headers';

/**
 * Gives the files Cloudflare serves without running the Worker (the client
 * build and `public/`) the secure headers the Worker gives its own answers:
 * the client build gets a `_headers` file that applies them to every path.
 * They are Hono's `secureHeaders()` defaults, as litflare sends them in
 * production, without the Content-Security-Policy (its nonce is made per
 * response). An app's own `public/_headers` follows litflare's rules in the
 * file: its rules add to them, and `! Name` removes one.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [staticHeaders(), cloudflare()] });
 * ```
 */
export function staticHeaders(): Plugin {
  let publicDir = '';
  return {
    name: 'litflare:static-headers',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle() {
      const own = publicDir !== '' && existsSync(join(publicDir, HEADERS_FILE)) ? readFileSync(join(publicDir, HEADERS_FILE), 'utf8') : '';
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: (await headersFile()) + (own === '' ? '' : `\n${own}`) });
    },
  };
}

/**
 * The `_headers` rules: what `secureHeaders()` adds to a response, read from
 * Hono itself so that it stays what the Worker sends.
 *
 * @example
 * ```ts
 * await headersFile(); // '# …\n/*\n  Cross-Origin-Opener-Policy: same-origin\n  …'
 * ```
 */
export async function headersFile(): Promise<string> {
  const app = new Hono();
  app.use(secureHeaders());
  app.get('*', (c) => c.body(null));
  const response = await app.request('/');
  const lines = [...response.headers].map(([name, value]) => `  ${canonical(name)}: ${value}`);
  return (
    "# litflare: the Worker's secure headers (Hono's secureHeaders(), without the CSP) for the files\n" +
    '# Cloudflare serves without running the Worker. Your public/_headers follows.\n' +
    `/*\n${lines.join('\n')}\n`
  );
}

const canonical = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
