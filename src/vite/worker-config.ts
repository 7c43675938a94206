import type { PluginConfig, WorkerConfig } from '@cloudflare/vite-plugin';

type Customizer = PluginConfig['config'];

/**
 * Worker settings litflare needs, applied on top of `wrangler.toml` and any
 * customizer the app passes: `assets.html_handling = "none"`, so `/` is
 * rendered by the Worker instead of being answered with the bare `index.html`
 * shell by the asset server.
 *
 * @example
 * ```ts
 * cloudflare({ config: withLitflareDefaults(userCustomizer) });
 * ```
 */
export function withLitflareDefaults(user: Customizer): (config: WorkerConfig) => Partial<WorkerConfig> {
  return (config) => {
    const custom = typeof user === 'function' ? user(config) ?? {} : user ?? {};
    const assets = { ...config.assets, ...custom.assets };
    return { ...custom, assets: { ...assets, html_handling: assets.html_handling ?? 'none' } };
  };
}
