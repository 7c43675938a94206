import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FRAMEWORK_DIR } from '../server-fns/runtime-paths.js';

interface LitflareManifest {
  version: string;
  devDependencies: Record<string, string>;
}

// The app gets exactly the versions litflare itself is tested with.
const PINNED = ['lit', 'vite', 'wrangler', '@cloudflare/vite-plugin', '@cloudflare/vitest-pool-workers', 'vitest', 'typescript', 'devalue'];

/** litflare's own package.json, beside the folder it runs from (src/ or lib/). */
function litflareManifest(): LitflareManifest {
  const manifest = JSON.parse(readFileSync(resolve(FRAMEWORK_DIR, '../package.json'), 'utf8')) as Partial<LitflareManifest> & {
    dependencies?: Record<string, string>;
  };
  return { version: manifest.version ?? '0.0.0', devDependencies: { ...manifest.dependencies, ...manifest.devDependencies } };
}

/**
 * The `package.json` of a new app called `name`, its dependencies pinned.
 *
 * @example
 * ```ts
 * writeFileSync('my-app/package.json', appPackageJson('my-app'));
 * ```
 */
export function appPackageJson(name: string): string {
  const { version, devDependencies: tested } = litflareManifest();
  const pin = (names: string[]) =>
    Object.fromEntries(
      names.map((dep) => {
        const pinned = tested[dep];
        if (pinned === undefined) throw new Error(`litflare: no tested version of ${dep} in litflare's package.json`);
        return [dep, pinned];
      }),
    );
  const app = {
    name,
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: {
      dev: 'vite dev',
      build: 'vite build',
      preview: 'vite preview',
      test: 'vitest run',
      types: 'wrangler types worker/worker-configuration.d.ts && litflare types',
      typecheck: 'tsc -p client && tsc -p worker',
      deploy: 'vite build && wrangler deploy',
    },
    dependencies: { litflare: version, ...pin(['lit']) },
    devDependencies: pin(PINNED.filter((dep) => dep !== 'lit').sort()),
    engines: { node: '>=20.19' },
  };
  return `${JSON.stringify(app, null, 2)}\n`;
}

/**
 * A valid npm package name from a folder name.
 *
 * @example
 * ```ts
 * appName('My App!'); // 'my-app'
 * ```
 */
export function appName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return name === '' ? 'litflare-app' : name;
}
