// Lit's private API is reached through one module per side, which checks it
// at start-up (src/worker/renderer/lit-seam.ts, src/client/hydrate/lit-seam.ts):
// nothing else under src/ may touch it, or a change in Lit would break that
// code without the fallback noticing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seams = ['src/worker/renderer/lit-seam.ts', 'src/client/hydrate/lit-seam.ts'];

/** What counts as Lit's private API: its private objects and modules, underscored members, hydration markers. */
const privateApi: Record<string, RegExp> = {
  'Lit private objects (_$LH, _$LE) and modules': /_\$L[HE]\b|private-ssr-support|@lit-labs\/ssr\/lib\//,
  'duck-typed Lit values (_$litType$, _$litDirective$, _$litElement$)': /_\$lit(?:Type|Directive|Element)\$/,
  'Lit element internals (_$needsHydration, __internals, enableUpdating)': /_\$needsHydration|__internals|\benableUpdating\b/,
  "the DOM shim's event fields": /__eventTargetParent|__host\b|__slots\b|__shadowRoot\b|\blitServerRoot\b/,
  'hydration markers': /<!--\/?lit-(?:part|node)|['"]\/?lit-part['"]/,
  "wrapping Lit's update": /prototype\[?['"]?update['"]?\]?\s*=|\.prototype\b[^;\n]*\bupdate\.call\b/,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');

describe("Lit's private API", () => {
  it('is touched by the two seams only', () => {
    const touches = sources(join(root, 'src'))
      .map((file) => relative(root, file))
      .filter((file) => !seams.includes(file))
      .flatMap((file) => {
        const text = code(join(root, file));
        return Object.entries(privateApi)
          .filter(([, pattern]) => pattern.test(text))
          .map(([what]) => `${file}: ${what}`);
      });
    expect(touches).toEqual([]);
  });

  it('is what the seams touch (the patterns find it)', () => {
    const found = (file: string) => Object.keys(privateApi).filter((what) => privateApi[what]!.test(code(join(root, file))));
    expect([...found(seams[0]!), ...found(seams[1]!)]).toEqual(expect.arrayContaining(Object.keys(privateApi)));
  });
});
