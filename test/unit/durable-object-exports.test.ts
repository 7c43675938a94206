import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cloudflare } from '@cloudflare/vite-plugin';
import { createBuilder } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { durableObjectExports } from '../../src/vite/durable-objects.js';

const repo = join(import.meta.dirname, '../..');
const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const durableObject = (name: string) =>
  `import { DurableObject } from 'cloudflare:workers';\nexport class ${name} extends DurableObject {}\n`;

/** A tiny Worker project on disk (with the repo's node_modules): file path → source. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'litflare-do-'));
  projects.push(root);
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** `vite build` of the project with @cloudflare/vite-plugin and the check, as litflare() composes them. */
async function buildWorker(root: string): Promise<void> {
  const builder = await createBuilder({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [cloudflare({ remoteBindings: false, persistState: false, inspectorPort: false }), durableObjectExports()],
  });
  await builder.buildApp();
}

const wrangler = (extra: string) =>
  `name = "do-check"\nmain = "src/index.ts"\ncompatibility_date = "2026-04-26"\n${extra}\n`;

describe('the build-time check of Durable Object exports', () => {
  it('fails when the entry does not export a bound class, naming the class, its binding, the entry and the config', async () => {
    const root = project({
      'wrangler.toml': wrangler(
        '[[durable_objects.bindings]]\nname = "CHAT"\nclass_name = "ChatRoom"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom"]',
      ),
      'src/index.ts': "export default { fetch: () => new Response('ok') };\n",
      'src/chat-room.ts': durableObject('ChatRoom'),
    });
    await expect(buildWorker(root)).rejects.toThrow(
      'litflare: the Worker entry src/index.ts does not export a Durable Object class that wrangler.toml needs:\n' +
        '  - ChatRoom (binding CHAT)\n' +
        "Export it from src/index.ts: export { ChatRoom } from '<the module that defines it>';",
    );
  });

  it('also requires the classes that migrations create, and lists every missing class', async () => {
    const root = project({
      'wrangler.toml': wrangler(
        '[[durable_objects.bindings]]\nname = "CHAT"\nclass_name = "ChatRoom"\n\n' +
          '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom", "Ledger"]',
      ),
      'src/index.ts': "export default { fetch: () => new Response('ok') };\n",
    });
    await expect(buildWorker(root)).rejects.toThrow(
      /does not export Durable Object classes that wrangler\.toml needs:\n {2}- ChatRoom \(binding CHAT\)\n {2}- Ledger \(migration v1\)\nExport each from src\/index\.ts: export \{ ChatRoom, Ledger \}/,
    );
  });

  it('passes for re-exported classes, and ignores deleted classes and classes of other Workers', async () => {
    const root = project({
      'wrangler.toml': wrangler(
        '[[durable_objects.bindings]]\nname = "CHAT"\nclass_name = "ChatRoom"\n\n' +
          '[[durable_objects.bindings]]\nname = "AUTH"\nclass_name = "Sessions"\nscript_name = "auth-worker"\n\n' +
          '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["ChatRoom", "Old"]\n\n' +
          '[[migrations]]\ntag = "v2"\ndeleted_classes = ["Old"]',
      ),
      'src/index.ts': "export * from './rooms.js';\nexport default { fetch: () => new Response('ok') };\n",
      'src/rooms.ts': durableObject('ChatRoom'),
    });
    await expect(buildWorker(root)).resolves.toBeUndefined();
  });
});
