// DESIGN.md's layer rules, checked on every import of src/: shared code runs
// everywhere, so it imports neither the Worker nor the browser layer (nor the
// socket client, which only code that opens a socket should load); browser
// code never imports Worker code; the test helpers reach the Worker over fetch only; the CLI is a Node program of its own;
// nothing in the framework imports the demo app.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = ['components', 'worker', 'client'].map((folder) => join(root, folder));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');

/** Every relative module an `import`/`export … from`/`import()` in `file` names, resolved to a path. */
function importsOf(file: string): string[] {
  const specifiers = [...code(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

/**
 * What loading `entry` loads: every module its static imports reach (not
 * `import()`), as paths for litflare's own modules and names for packages.
 */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of code(file).matchAll(/(?:\bfrom|^\s*import)\s*['"]([^'"]+)['"]/gm)) {
      if (!specifier!.startsWith('.')) seen.add(specifier!);
      else visit(resolve(dirname(file), specifier!).replace(/\.js$/, '.ts'));
    }
  };
  visit(entry);
  return seen;
}

const layer = (path: string) => relative(join(root, 'src'), path).split('/')[0];

function violations(from: string, forbidden: (target: string) => boolean): string[] {
  return sources(join(root, 'src', from)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${relative(root, file)} imports ${relative(root, target)}`),
  );
}

describe('the layers of src/ (DESIGN.md)', () => {
  it('finds the imports it checks', () => {
    expect(importsOf(join(root, 'src/client/index.ts')).map((path) => relative(root, path))).toContain('src/client/hydrate/hydration-data.js');
  });

  it('src/shared imports neither src/worker nor src/client nor src/socket nor src/test', () => {
    expect(violations('shared', (target) => ['worker', 'client', 'socket', 'test'].includes(layer(target) ?? ''))).toEqual([]);
  });

  it('src/test (litflare/test) imports only src/shared: it talks to the Worker over fetch, as a browser does', () => {
    expect(violations('test', (target) => !['test', 'shared'].includes(layer(target) ?? ''))).toEqual([]);
  });

  it('src/socket (litflare/socket, for components on both sides) imports only src/shared', () => {
    expect(violations('socket', (target) => !['socket', 'shared'].includes(layer(target) ?? ''))).toEqual([]);
  });

  it('`litflare` does not load partysocket: only `litflare/socket` does', () => {
    const partysocket = (graph: Set<string>) => [...graph].filter((module) => module === 'partysocket' || module.startsWith('partysocket/'));
    expect(partysocket(staticGraph(join(root, 'src/shared/index.ts')))).toEqual([]);
    expect(partysocket(staticGraph(join(root, 'src/socket/index.ts')))).toEqual(['partysocket/ws']);
  });

  it('src/client never imports src/worker', () => {
    expect(violations('client', (target) => layer(target) === 'worker')).toEqual([]);
  });

  it('src/cli imports no other layer: the `litflare` command needs neither Vite nor the runtime', () => {
    expect(violations('cli', (target) => layer(target) !== 'cli')).toEqual([]);
  });

  it('the CLI loads TypeScript only in the command that needs it (`litflare create` runs without it)', () => {
    const loaded = staticGraph(join(root, 'src/cli/main.ts'));
    expect(loaded).toContain(join(root, 'src/cli/create/create-command.ts'));
    expect([...loaded].filter((module) => module === 'typescript' || module.startsWith('typescript/'))).toEqual([]);
    expect(staticGraph(join(root, 'src/cli/types/write-dom-safe.ts'))).toContain('typescript');
  });

  it('nothing under src/ imports the demo app', () => {
    const intoDemo = (target: string) => demo.some((folder) => target === folder || target.startsWith(`${folder}/`));
    expect(['shared', 'worker', 'client', 'socket', 'test', 'vite', 'cli'].flatMap((from) => violations(from, intoDemo))).toEqual([]);
  });
});
