// Serves Workers with Miniflare directly (not `wrangler dev`, whose proxy caps throughput).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Miniflare } from 'miniflare';

// wrk closes its connections mid-response when a turn ends; workerd logs each
// as a broken pipe with a native stack. That is the load generator, not the Worker.
const loadGeneratorNoise = /Broken pipe|Connection reset by peer|^stack: /;

/** Passes workerd's output through, without the noise of connections the load generator dropped. */
function quietStdio(stdout, stderr) {
  for (const [stream, out] of [[stdout, process.stdout], [stderr, process.stderr]]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (!loadGeneratorNoise.test(line)) out.write(`${line}\n`);
    });
  }
}

/** Starts Miniflare; resolves with its URL and how long start-up took (ms). */
export async function serve(options) {
  const started = performance.now();
  const mf = new Miniflare({
    compatibilityDate: '2026-04-26',
    compatibilityFlags: ['nodejs_compat'],
    host: '127.0.0.1',
    port: 0,
    handleRuntimeStdio: quietStdio,
    ...options,
  });
  const url = (await mf.ready).href.replace(/\/$/, '');
  return { mf, url, startupMs: performance.now() - started };
}

/** Serves the Worker built into `dist` (every chunk as a module), with more Miniflare options. */
export function serveBuild(dist, options = {}) {
  const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ type: 'ESModule', path: join(dist, name) }))
    .sort((a, b) => (a.path === join(dist, 'index.js') ? -1 : b.path === join(dist, 'index.js') ? 1 : 0));
  return serve({ ...options, modules, modulesRoot: dist });
}
