import type { PluginConfig, WorkerConfig } from '@cloudflare/vite-plugin';

type Customizer = PluginConfig['config'];

/**
 * Worker settings litflare needs, applied on top of `wrangler.toml` and any
 * customizer the app passes: `assets.html_handling = "auto-trailing-slash"`,
 * so a prerendered page's file (`about.html`, `index.html` for `/`) answers its
 * path. The shell is never among the client files (the Worker embeds it), so
 * every other path, `/` included when it is not prerendered, reaches the Worker.
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
    return { ...custom, assets: { ...assets, html_handling: assets.html_handling ?? 'auto-trailing-slash' } };
  };
}
