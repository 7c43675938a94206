import type { Plugin } from 'vite';

/**
 * Builds the client before the Worker: the Worker embeds the client's built
 * `index.html` (hashed asset names), so it cannot be built first.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [clientFirst(), cloudflare()] });
 * ```
 */
export function clientFirst(): Plugin {
  return {
    name: 'litflare:client-first',
    config() {
      return {
        builder: {
          async buildApp(builder) {
            const { client, ...others } = builder.environments;
            if (client !== undefined) await builder.build(client);
            for (const environment of Object.values(others)) {
              if (!environment.isBuilt) await builder.build(environment);
            }
          },
        },
      };
    },
  };
}
