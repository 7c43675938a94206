import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { domSafeWorkerTypes } from './dom-safe.js';

/** The ES and DOM libraries of the installed TypeScript: what browser code is checked against. */
function libSources(): string[] {
  const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
  return readdirSync(libDir)
    .filter((name) => /^lib\.(es\d{4}|es5|esnext|dom|decorators)[\w.]*\.d\.ts$/.test(name))
    .map((name) => readFileSync(join(libDir, name), 'utf8'));
}

/**
 * Writes the DOM-safe version of Wrangler's Worker types (see
 * {@link domSafeWorkerTypes}) next to the browser code's tsconfig.
 *
 * @example
 * ```ts
 * writeDomSafeWorkerTypes('worker/worker-configuration.d.ts', 'client/worker-types.d.ts');
 * ```
 */
export function writeDomSafeWorkerTypes(input: string, output: string): void {
  writeFileSync(output, domSafeWorkerTypes(readFileSync(input, 'utf8'), libSources()));
}
