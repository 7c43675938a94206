import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

interface PackResult {
  files: { path: string }[];
}

interface Manifest {
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
let contents: Set<string>;

/** `./lib/x.js` → `lib/x.js`, as npm lists tarball paths. */
const packed = (target: string) => target.replace(/^\.\//, '');

describe('npm pack (the published litflare package)', () => {
  beforeAll(() => {
    // Runs prepack, which compiles src/ to lib/.
    const json = execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [result] = JSON.parse(json) as PackResult[];
    contents = new Set(result?.files.map((file) => file.path));
  }, 120_000);

  it('holds every file an export, its types or the bin points at', () => {
    const targets = Object.values(manifest.exports).flatMap((entry) =>
      typeof entry === 'string'
        ? [entry]
        : // `litflare-source` points at src/ inside the litflare repository only.
          Object.entries(entry).filter(([condition]) => condition !== 'litflare-source').map(([, target]) => target),
    );
    expect(targets.length).toBeGreaterThan(10);
    for (const target of [...targets, ...Object.values(manifest.bin)]) expect(contents, target).toContain(packed(target));
  });

  it('compiles each subpath to JavaScript with its .d.ts', () => {
    for (const name of ['shared/index', 'worker/index', 'worker/durable-object', 'client/index', 'socket/index', 'test/index', 'vite/index', 'cli/main']) {
      expect(contents).toContain(`lib/${name}.js`);
      expect(contents).toContain(`lib/${name}.d.ts`);
    }
  });

  it('ships README, LICENSE and package.json and no tests, demo, benchmarks or TypeScript sources', () => {
    for (const file of ['README.md', 'LICENSE', 'package.json']) expect(contents).toContain(file);
    const unexpected = [...contents].filter(
      (path) =>
        /^(src|test|components|worker|client|bench|\.ci|\.build)\//.test(path) ||
        // Only declarations, and the `litflare create` templates, which are an app's files.
        (/\.ts$/.test(path) && !path.endsWith('.d.ts') && !path.startsWith('lib/cli/template/')),
    );
    expect(unexpected).toEqual([]);
  });

  it('runs the bin as compiled JavaScript', () => {
    expect(readFileSync('lib/cli/bin.mjs', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(contents).toContain('lib/cli/main.js');
  });
});
