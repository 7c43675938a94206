import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { extractExamples } from '../support/readme-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | { 'litflare-source'?: string }>;
};

/** Every symbol each entry point of package.json `exports` exports (values and types), as TypeScript sees it. */
function publicExports(): Map<string, ts.Symbol[]> {
  // The sources of each code entry point (`litflare-source`), not their compiled lib/ (which may be stale).
  const entries = Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    const source = typeof target === 'string' ? undefined : target['litflare-source'];
    return source === undefined ? [] : [[subpath.replace(/^\./, 'litflare'), `${root}${source.slice(2)}`] as const];
  });
  const program = ts.createProgram(
    entries.map(([, file]) => file),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, noEmit: true, skipLibCheck: true, types: [] },
  );
  checker = program.getTypeChecker();
  return new Map(
    entries.map(([name, file]) => {
      const source = program.getSourceFile(file);
      const symbol = source === undefined ? undefined : checker!.getSymbolAtLocation(source);
      if (symbol === undefined) throw new Error(`cannot read the exports of ${file}`);
      return [name, checker!.getExportsOfModule(symbol).sort((a, b) => a.name.localeCompare(b.name))];
    }),
  );
}

let checker: ts.TypeChecker | undefined;
let exportsCache: Map<string, ts.Symbol[]> | undefined;
const entryExports = () => (exportsCache ??= publicExports());

/** The README's "API reference" section. */
function apiReference(): string {
  const start = readme.indexOf('\n## API reference');
  if (start === -1) throw new Error('README.md has no "## API reference" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe('README.md', () => {
  it('names every public export of every entry point in its API reference', () => {
    const reference = apiReference();
    const exports = new Map([...entryExports()].map(([entry, symbols]) => [entry, symbols.map((symbol) => symbol.name)]));
    expect([...exports.keys()]).toEqual(['litflare', 'litflare/worker', 'litflare/durable-object', 'litflare/client', 'litflare/socket', 'litflare/vite']);
    const missing = [...exports].flatMap(([entry, names]) =>
      names.filter((name) => !new RegExp(`\`[^\`\\n]*\\b${name}\\b[^\`\\n]*\``).test(reference)).map((name) => `${entry}: ${name}`),
    );
    expect(missing, `exports missing from README.md's API reference:\n${missing.join('\n')}`).toEqual([]);
    expect([...exports.values()].flat().length).toBeGreaterThan(100);
  }, 60_000); // TypeScript reads the whole program: seconds on a busy machine

  it('every public export litflare declares has JSDoc with an example (re-exported Hono and partyserver types aside)', () => {
    const undocumented = [...entryExports()].flatMap(([entry, symbols]) =>
      symbols.flatMap((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker!.getAliasedSymbol(symbol) : symbol;
        const declarations = (target.declarations ?? []).filter((d) => !d.getSourceFile().fileName.includes('/node_modules/'));
        if (declarations.length === 0) return [];
        const documented = declarations.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'));
        return documented ? [] : [`${entry}: ${symbol.name}`];
      }),
    );
    expect(undocumented, `public exports without an @example:\n${undocumented.join('\n')}`).toEqual([]);
  }, 60_000);

  it('has runnable examples for the guided tour and the API, each with a check', () => {
    const examples = extractExamples(readme);
    expect(examples.length).toBeGreaterThanOrEqual(12);
    const unchecked = examples.filter((e) => e.check.trim() === '').map((e) => e.name);
    expect(unchecked, 'runnable examples without a check').toEqual([]);
  });
});
