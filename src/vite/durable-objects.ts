import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { findWranglerConfig, readWranglerConfig } from './wrangler-config.js';

/**
 * Options for {@link durableObjectExports}.
 *
 * @example
 * ```ts
 * durableObjectExports({ configPath: 'wrangler.jsonc', environment: 'api' });
 * ```
 */
export interface DurableObjectExportsOptions {
  /** The Wrangler config file. @default wrangler.jsonc, wrangler.json or wrangler.toml in the Vite root */
  configPath?: string;
  /** The Vite environment that builds this Worker. @default its name with `-` as `_`, as `@cloudflare/vite-plugin` names it */
  environment?: string;
}

/** A Durable Object class the Worker must export, and where the config names it. */
interface RequiredClass {
  name: string;
  namedBy: string;
}

type Config = ReturnType<typeof readWranglerConfig>;

/**
 * Fails `vite build` when a Durable Object class that the Wrangler config
 * binds to this Worker (or creates in a migration) is not exported by the
 * Worker entry, naming each class, where the config names it, and the entry
 * file. Otherwise the build succeeds and the mistake shows only when the
 * Worker is deployed or started. It reads the bundler's own list of the
 * entry's exports, so re-exports (`export * from`) count.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [cloudflare(), durableObjectExports()] });
 * ```
 */
export function durableObjectExports(options: DurableObjectExportsOptions = {}): Plugin {
  let root = process.cwd();
  let config: Config | undefined;
  return {
    name: 'litflare:durable-object-exports',
    apply: 'build',
    configResolved(resolved) {
      root = resolved.root;
      const configPath = findWranglerConfig(root, options.configPath);
      config = configPath === undefined ? undefined : readWranglerConfig(root, configPath);
    },
    generateBundle(_output, bundle) {
      if (config?.main === undefined || this.environment.name !== (options.environment ?? config.name?.replaceAll('-', '_'))) return;
      const main = config.main;
      // @cloudflare/vite-plugin builds the Worker from a virtual entry that re-exports the main module.
      const entries = Object.values(bundle).filter((file) => file.type === 'chunk' && file.isEntry);
      const entry = entries.find((file) => file.type === 'chunk' && file.facadeModuleId === main) ?? (entries.length === 1 ? entries[0] : undefined);
      if (entry?.type !== 'chunk') return;
      const missing = requiredClasses(config).filter((required) => !entry.exports.includes(required.name));
      if (missing.length === 0) return;
      const file = relative(root, main);
      const configFile = relative(root, config.configPath ?? 'wrangler.toml');
      this.error(
        `litflare: the Worker entry ${file} does not export ${missing.length === 1 ? 'a Durable Object class' : 'Durable Object classes'} ` +
          `that ${configFile} needs:\n` +
          missing.map((required) => `  - ${required.name} (${required.namedBy})`).join('\n') +
          `\nExport ${missing.length === 1 ? 'it' : 'each'} from ${file}: export { ${missing.map((required) => required.name).join(', ')} } from '<the module that defines it>';`,
      );
    },
  };
}

/** The classes this Worker must export: bound to it, or alive after its migrations. */
function requiredClasses(config: Config): RequiredClass[] {
  const required = new Map<string, string>();
  for (const binding of config.durable_objects.bindings) {
    if (binding.script_name === undefined || binding.script_name === config.name) {
      required.set(binding.class_name, `binding ${binding.name}`);
    }
  }
  const migrated = new Map<string, string>();
  for (const migration of config.migrations) {
    for (const name of [...(migration.new_classes ?? []), ...(migration.new_sqlite_classes ?? [])]) {
      migrated.set(name, `migration ${migration.tag}`);
    }
    for (const { from, to } of migration.renamed_classes ?? []) {
      migrated.delete(from);
      migrated.set(to, `migration ${migration.tag}`);
    }
    for (const name of migration.deleted_classes ?? []) migrated.delete(name);
  }
  for (const [name, namedBy] of migrated) if (!required.has(name)) required.set(name, namedBy);
  return [...required].map(([name, namedBy]) => ({ name, namedBy }));
}
