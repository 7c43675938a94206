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

/** Each entry point's subsection of the API reference (`### \`litflare/worker\` …`), in the README's order. */
function referenceSections(): Map<string, string> {
  const parts = apiReference().split(/\n(?=### `)/).slice(1);
  return new Map(parts.map((part) => [/^### `([^`]+)`/.exec(part)![1]!, part]));
}

/** The names a section's tables document: the leading identifier of each code span in a row's first cell. */
function documentedNames(section: string): string[] {
  const firstCells = [...section.matchAll(/^\| ([^|\n]*(?:\\\|[^|\n]*)*) \|/gm)].map((match) => match[1]!);
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!)).filter((name) => name !== 'export');
}

/** The values (what exists at run time) among an entry point's exports. */
const values = (symbols: ts.Symbol[]) =>
  symbols
    .filter((symbol) => {
      const declaration = symbol.declarations?.[0];
      const typeOnly = declaration !== undefined && (ts.isExportSpecifier(declaration) || ts.isImportSpecifier(declaration)) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly);
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker!.getAliasedSymbol(symbol) : symbol;
      return !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name);

describe('README.md', () => {
  it('documents each entry point in a section of its own, in the order an app meets them', () => {
    expect([...entryExports().keys()]).toEqual(['litflare', 'litflare/worker', 'litflare/durable-object', 'litflare/client', 'litflare/socket', 'litflare/test', 'litflare/vite']);
    expect([...referenceSections().keys()]).toEqual(['litflare/worker', 'litflare', 'litflare/client', 'litflare/socket', 'litflare/durable-object', 'litflare/vite', 'litflare/test']);
  }, 60_000); // TypeScript reads the whole program: seconds on a busy machine

  it("names every export of an entry point in that entry point's section, and nothing it does not export", () => {
    const sections = referenceSections();
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [entry, symbols] of entryExports()) {
      const section = sections.get(entry) ?? '';
      const names = symbols.map((symbol) => symbol.name);
      for (const name of names) if (!new RegExp(`\`[^\`\\n]*\\b${name}\\b[^\`\\n]*\``).test(section)) missing.push(`${entry}: ${name}`);
      for (const name of documentedNames(section)) if (!names.includes(name)) stale.push(`${entry}: ${name}`);
    }
    expect(missing, `exports missing from their section of README.md's API reference:\n${missing.join('\n')}`).toEqual([]);
    expect(stale, `names in README.md's API reference that their entry point does not export:\n${stale.join('\n')}`).toEqual([]);
  }, 60_000);

  it('keeps the values each entry point exports to what an app writes', () => {
    const exported = Object.fromEntries([...entryExports()].map(([entry, symbols]) => [entry, values(symbols).sort()]));
    expect(exported).toEqual({
      litflare: [
        'FormController', 'ServerData', 'ServerError', 'SocketError', 'configureRpc', 'defineIslands', 'escapeHtml', 'formState', 'isServerError',
        'isSocketError', 'issuesFor', 'serverFnMeta', 'validationIssues', 'withRpc',
      ],
      'litflare/worker': [
        'ai', 'clearCookie', 'cookie', 'cookies', 'createApp', 'cspNonce', 'd1', 'd1SessionStore', 'defaultBots', 'defaultErrorPage', 'defaultNotFoundPage',
        'durableObjectStub', 'env', 'kv', 'kvSessionStore', 'purge', 'queue', 'r2', 'redirect', 'request', 'secret', 'serverFn', 'service', 'session',
        'sessionTableSql', 'setCookie', 'setSignedCookie', 'signedCookie', 'strictCsp', 'variable', 'waitUntil',
      ],
      'litflare/durable-object': ['MessageHistory', 'SocketServer'],
      'litflare/client': ['hydrateIslands'],
      'litflare/socket': ['SocketController', 'connectSocket'],
      'litflare/test': ['Redirected', 'call', 'page', 'socket', 'testClient'],
      'litflare/vite': ['litflare', 'litflareTest'],
    });
  }, 60_000);

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

  // (The guided tour is not made of runnable examples: it is walked on a new app, see tour-steps.test.ts.)
  it('has runnable examples for the API, each with a check', () => {
    const examples = extractExamples(readme);
    expect(examples.length).toBeGreaterThanOrEqual(11);
    const unchecked = examples.filter((e) => e.check.trim() === '').map((e) => e.name);
    expect(unchecked, 'runnable examples without a check').toEqual([]);
  });
});
