import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { preview, type Plugin } from 'vite';
import { staticCsp } from './static-csp.js';

// Shared with the Worker (src/worker/prerender/prerender-routes.ts); the Vite side may not import it.
const PRERENDER_PATH = '/_lf/prerender';
const PRERENDER_HEADER = 'x-litflare-prerender';
const PRERENDER_VAR = 'LITFLARE_PRERENDER_TOKEN';

/**
 * Prerenders the pages declared with `app.page(path, handler, { prerender })`
 * at the end of `vite build`: the built Worker is served in workerd (as
 * `vite preview` serves it, with a one-time token in its vars that only this
 * build knows), asked for its prerendered paths, and each page it renders is
 * written into the client output (`/` → `index.html`, `/about` →
 * `about.html`), where Cloudflare serves it without running the Worker. Its
 * nonce-based CSP becomes a hash-based one, written for that path into
 * `_headers`, and the built Worker's assets get `html_handling =
 * "auto-trailing-slash"` so each file answers its path. A page that is not a
 * 200, or that read the visitor, fails the build.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [prerender(), cloudflare()] });
 * ```
 */
export function prerender(): Plugin {
  let root = process.cwd();
  let configFile: string | undefined;
  let clientOutDir = '';
  return {
    name: 'litflare:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      configFile = config.configFile;
      clientOutDir = resolve(config.root, config.environments.client?.build.outDir ?? config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (this.environment.name === 'client') return;
        const workerConfig = join(resolve(root, this.environment.config.build.outDir), 'wrangler.json');
        if (!existsSync(workerConfig)) return;
        const written = await prerenderInto(root, configFile, workerConfig, clientOutDir);
        if (written.length === 0) return;
        serveHtmlFiles(workerConfig);
        this.environment.logger.info(`litflare: prerendered ${written.join(', ')}`);
      },
    },
  };
}

async function prerenderInto(root: string, configFile: string | undefined, workerConfig: string, clientOutDir: string): Promise<string[]> {
  const original = readFileSync(workerConfig, 'utf8');
  const config = JSON.parse(original) as { vars?: Record<string, unknown> };
  const token = randomBytes(32).toString('base64url');
  writeFileSync(workerConfig, JSON.stringify({ ...config, vars: { ...config.vars, [PRERENDER_VAR]: token } }));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  try {
    server = await preview({ root, configFile, logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (base === undefined) throw new Error('litflare: the built Worker could not be started to prerender its pages.');
    const headers = { [PRERENDER_HEADER]: token };
    const listed = await fetch(base + PRERENDER_PATH, { headers });
    if (!listed.ok) return [];
    const paths = (await listed.json()) as string[];
    const rules: string[] = [];
    for (const path of paths) {
      const response = await fetch(base + path, { headers, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200) {
        throw new Error(`litflare: prerendering ${path} failed: the Worker answered ${response.status}.\n${body.slice(0, 2000)}`);
      }
      const { html, csp } = staticCsp(body, response.headers.get('content-security-policy'));
      const file = join(clientOutDir, path === '/' ? 'index.html' : `${path.slice(1)}.html`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      if (csp !== undefined) rules.push(`${path}\n  Content-Security-Policy: ${csp}`);
    }
    if (rules.length > 0) {
      const headersFile = join(clientOutDir, '_headers');
      const existing = existsSync(headersFile) ? readFileSync(headersFile, 'utf8') : '';
      writeFileSync(headersFile, `${existing.replace(/\n*$/, '\n')}\n# litflare: hash-based CSPs of the prerendered pages\n${rules.join('\n')}\n`);
    }
    return paths;
  } finally {
    await server?.close();
    writeFileSync(workerConfig, original);
  }
}

/**
 * Lets the asset server answer a prerendered path with its file (`/about` with
 * `about.html`, `/` with `index.html`): `html_handling = "auto-trailing-slash"`
 * in the built Worker's config. Only then: `vite dev` keeps `"none"`, where the
 * app's own `index.html` (the shell) would otherwise answer `/`. The shell is
 * never among the built client files, so a path that is not prerendered, `/`
 * included, still reaches the Worker.
 */
function serveHtmlFiles(workerConfig: string): void {
  const config = JSON.parse(readFileSync(workerConfig, 'utf8')) as { assets?: Record<string, unknown> };
  if (config.assets === undefined) return;
  writeFileSync(workerConfig, JSON.stringify({ ...config, assets: { ...config.assets, html_handling: 'auto-trailing-slash' } }));
}
