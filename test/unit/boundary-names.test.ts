// A streamed boundary's names (the marked element's attribute, the holder's
// tag and id) are written by the server, read by the inline swap script and
// checked by the client: spelled once, in src/shared/boundary.ts, so the
// three cannot drift apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_ATTRIBUTE, BOUNDARY_HOLDER } from '../../src/shared/boundary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');

describe("a streamed boundary's names", () => {
  it('are spelled in src/shared/boundary.ts only', () => {
    const spelled = new RegExp(`['"\`]${BOUNDARY_ATTRIBUTE}|['"\`<]/?${BOUNDARY_HOLDER}\\b`);
    const elsewhere = sources(join(root, 'src'))
      .filter((file) => spelled.test(code(file)))
      .map((file) => relative(root, file));
    expect(elsewhere).toEqual(['src/shared/boundary.ts']);
  });

  it('are used by the server, the swap script and the client', () => {
    const users = sources(join(root, 'src'))
      .filter((file) => /\bBOUNDARY_(?:ATTRIBUTE|HOLDER)\b/.test(code(file)) && !file.endsWith('boundary.ts'))
      .map((file) => relative(root, file))
      .sort();
    expect(users).toEqual([
      'src/client/dev/unswapped-boundaries.ts',
      'src/worker/page/boundaries.ts',
      'src/worker/page/element-marks.ts',
      'src/worker/page/swap-script.ts',
    ]);
  });
});
