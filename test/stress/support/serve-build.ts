import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler';

/** A built Worker served by workerd through Miniflare, on 127.0.0.1. */
export interface ServedBuild {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Serves a `vite build` output as `wrangler dev`/`vite preview` would, but
 * with workerd answering HTTP itself (no Node proxy in front): the Worker's
 * modules, its bindings from the generated wrangler.json, its client assets,
 * local D1/KV persisted under `persistTo`, and the D1 migrations applied.
 */
export async function serveBuild(options: { worker: string; client: string; migrations: string; persistTo: string }): Promise<ServedBuild> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(options.worker, 'wrangler.json'));
  // The build is already bundled: its modules are listed, not matched by rules.
  const { modulesRules: _rules, ...bindings } = workerOptions;
  const modules = readdirSync(options.worker, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ type: 'ESModule' as const, path: join(options.worker, name) }))
    .sort((a, b) => Number(b.path.endsWith('/index.js')) - Number(a.path.endsWith('/index.js')));
  const mf = new Miniflare({
    ...bindings,
    modules,
    modulesRoot: options.worker,
    assets: {
      directory: options.client,
      routerConfig: { has_user_worker: true },
      assetConfig: { html_handling: 'none', not_found_handling: 'none' },
    },
    d1Persist: join(options.persistTo, 'd1'),
    kvPersist: join(options.persistTo, 'kv'),
    host: '127.0.0.1',
    port: 0,
  });
  const url = (await mf.ready).href.replace(/\/$/, '');
  const db = await mf.getD1Database('DB');
  for (const file of readdirSync(options.migrations).filter((name) => name.endsWith('.sql')).sort()) {
    const statements = unstable_splitSqlQuery(readFileSync(join(options.migrations, file), 'utf8'));
    await db.batch(statements.map((sql) => db.prepare(sql)));
  }
  return { url, stop: () => mf.dispose() };
}
