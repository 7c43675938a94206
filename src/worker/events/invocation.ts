import { Context } from 'hono';
import { attachScope, Scope, type ScopeSettings } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { runInContext } from '../context/storage.js';

/**
 * Runs `work` for a cron trigger or a queue batch inside litflare's context
 * storage, like a request, so the same accessors work (`env()`, `d1()`,
 * `waitUntil()` …). The context is synthetic: it carries the bindings and
 * the ExecutionContext, and a scope marked with the kind of event, so
 * request-only accessors (cookies, session, `request()`) fail with an error
 * that says why.
 *
 * @example
 * ```ts
 * await runInvocation('scheduled', { dev: false }, env, ctx, () => handler(controller));
 * ```
 */
export async function runInvocation(
  kind: 'scheduled' | 'queue',
  settings: ScopeSettings,
  env: Cloudflare.Env,
  ctx: ExecutionContext,
  work: () => Promise<void>,
): Promise<void> {
  // Nothing reads this request (request() refuses in these scopes); Context needs one.
  const c = new Context<AppEnv>(new Request(`https://${kind}.litflare.invalid/`), { env, executionCtx: ctx });
  const scope = new Scope(kind, settings);
  attachScope(c, scope);
  await runInContext(c, async () => {
    try {
      await work();
    } finally {
      await scope.finish();
    }
  });
}
