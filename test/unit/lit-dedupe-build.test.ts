// A litflare that is linked into an app (`npm link`, a `file:` folder) brings
// its own node_modules, Lit included. litflare() must build the app with one
// copy of Lit in the client and one in the Worker: two copies register elements
// twice over and the page's elements never hydrate.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBuilder, type Plugin } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { litflare } from '../../src/vite/index.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const app = mkdtempSync(join(tmpdir(), 'litflare-linked-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

// The app's own Lit: copies, so that they are other files than the Lit in
// litflare's node_modules (a symlink would resolve to the same files).
const APP_LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/ssr-dom-shim'];

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'linked-app', private: true, type: 'module', dependencies: { litflare: `file:${repository}`, lit: '3.3.3' } }),
  'wrangler.toml': 'name = "linked-app"\nmain = "worker/index.ts"\ncompatibility_date = "2026-04-26"\ncompatibility_flags = ["nodejs_compat"]\n\n[assets]\nnot_found_handling = "none"\n',
  'index.html': '<!doctype html><html><head><script type="module" src="/client/main.ts"></script></head><body><!--ssr-outlet--></body></html>',
  'client/main.ts': "import 'litflare/client';\nimport '../components/hello-card.js';\n",
  'components/hello-card.ts':
    "import { LitElement, html } from 'lit';\n" +
    'export class HelloCard extends LitElement {\n  override render() {\n    return html`<p>Hello</p>`;\n  }\n}\n' +
    "customElements.define('hello-card', HelloCard);\n",
  'worker/index.ts':
    "import { html } from 'lit';\nimport { createApp } from 'litflare/worker';\nimport '../components/hello-card.js';\n\n" +
    "const app = createApp();\napp.page('/', () => html`<hello-card></hello-card>`);\nexport default app;\n",
};

/** Records the files each environment's build reads. */
function modulesRead(seen: Map<string, Set<string>>): Plugin {
  return {
    name: 'test:modules-read',
    load(id) {
      const environment = this.environment.name;
      (seen.get(environment) ?? seen.set(environment, new Set()).get(environment)!).add(id.split('?')[0]!);
      return undefined;
    },
  };
}

/** The folders of `name` (e.g. `.../node_modules/lit-html`) the build read modules from. */
const copiesOf = (ids: Iterable<string>, name: string) =>
  new Set([...ids].flatMap((id) => {
    const at = id.lastIndexOf(`/node_modules/${name}/`);
    return at === -1 ? [] : [id.slice(0, at + `/node_modules/${name}`.length)];
  }));

const jsUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
  );
/** How many copies of a Lit package registered their version (`(globalThis.litHtmlVersions ??= []).push(…)`). */
const registrations = (text: string, name: string) => text.match(new RegExp(`${name}\\s*\\?\\?=`, 'g'))?.length ?? 0;

describe('an app with a linked litflare', () => {
  it('builds with one copy of Lit in the client and one in the Worker', async () => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), text);
    }
    for (const name of APP_LIT) cpSync(join(repository, 'node_modules', name), join(app, 'node_modules', name), { recursive: true, dereference: true });
    // The link: litflare's folder, with its own node_modules (and its own Lit).
    symlinkSync(repository, join(app, 'node_modules/litflare'), 'dir');
    // A dev dependency of every app, read by litflare() from the app's root.
    symlinkSync(join(repository, 'node_modules/wrangler'), join(app, 'node_modules/wrangler'), 'dir');

    const seen = new Map<string, Set<string>>();
    const builder = await createBuilder({ root: app, configFile: false, logLevel: 'silent', plugins: [litflare(), modulesRead(seen)] });
    await builder.buildApp();

    expect([...seen.keys()].sort()).toEqual(['client', 'linked_app']);
    for (const [environment, ids] of seen) {
      for (const name of ['lit-html', 'lit-element', '@lit/reactive-element']) {
        expect([...copiesOf(ids, name)], `${name} in the ${environment} build`).toEqual([join(app, 'node_modules', name)]);
      }
    }
    // What a browser would warn about ("Multiple versions of Lit loaded"): each copy registers itself.
    const client = jsUnder(join(app, 'dist/client')).join('\n');
    const worker = jsUnder(join(app, 'dist/linked_app')).join('\n');
    expect(registrations(client, 'litHtmlVersions')).toBe(1);
    expect(registrations(client, 'litElementVersions')).toBe(1);
    expect(registrations(worker, 'litHtmlVersions')).toBe(1);
    expect(registrations(worker, 'litElementVersions')).toBe(1);
  }, 120_000);
});
