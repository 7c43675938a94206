import { readFileSync } from 'node:fs';

interface LitflareManifest {
  version: string;
  devDependencies: Record<string, string>;
}

// The app gets exactly the versions litflare itself is tested with.
// @types/node: `wrangler types` asks for it when `nodejs_compat` is on.
const PINNED = ['lit', 'vite', 'wrangler', '@cloudflare/vite-plugin', '@cloudflare/vitest-pool-workers', 'vitest', 'typescript', 'devalue', '@types/node'];

// npm 11.16+ lists dependencies whose install scripts no one reviewed after every
// install (npm 12 will skip them): these fetch or check the native binaries the
// tools run (workerd, esbuild); sharp's (Miniflare's images) is not needed.
const ALLOW_SCRIPTS = { esbuild: true, workerd: true, sharp: false };

// The CLI runs from src/cli/create/ in litflare's repository and from lib/cli/create/
// when installed: either way litflare's package.json is three folders up.
const MANIFEST = new URL('../../../package.json', import.meta.url);

/** litflare's own package.json. */
function litflareManifest(): LitflareManifest {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Partial<LitflareManifest> & {
    dependencies?: Record<string, string>;
  };
  return { version: manifest.version ?? '0.0.0', devDependencies: { ...manifest.dependencies, ...manifest.devDependencies } };
}

/**
 * The `package.json` of a new app called `name`, its dependencies pinned;
 * `litflare` is the dependency spec of litflare itself (default: this
 * litflare's version, from the registry).
 *
 * @example
 * ```ts
 * writeFileSync('my-app/package.json', appPackageJson('my-app'));
 * writeFileSync('my-app/package.json', appPackageJson('my-app', 'file:litflare-0.1.0.tgz'));
 * ```
 */
export function appPackageJson(name: string, litflare?: string): string {
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
      // The binding types first: a new app typechecks as it is.
      typecheck: 'npm run types && tsc -p client && tsc -p worker',
      deploy: 'vite build && wrangler deploy',
    },
    dependencies: { litflare: litflare ?? version, ...pin(['lit']) },
    devDependencies: pin(PINNED.filter((dep) => dep !== 'lit').sort()),
    allowScripts: ALLOW_SCRIPTS,
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
