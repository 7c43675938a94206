// Runnable README examples.
//
// The convention, in README.md:
//
//   <!-- runnable: NAME -->            (or `<!-- runnable: NAME extends OTHER -->`)
//   ```ts
//   // worker/index.ts                 (a line `// path.ts` at column 0 starts a file)
//   …code…
//   // components/guest-book.ts        (one fence may hold several files)
//   …code…
//   ```
//   <!-- check                       (right after the fence, blank lines allowed)
//   …plain code that throws if the example is wrong…
//   -->
//
// A runnable example is a small app: its files are written to
// test/readme-examples/NAME/ (with the files of the example it `extends`
// first, so a guided tour can grow one app step by step), and the worker test
// layer (test/worker/vitest.config.ts) runs test/readme-examples/NAME/readme.test.ts
// in workerd: it imports every file outside client/ (client files need a
// browser: they are written, not run), then runs the check. In the check,
// `app` is the default export of worker/index.ts (when there is one) and the
// helpers of test/worker/readme/kit.ts are in scope (`get`, `call`, `assert`,
// `includes`, `socket`); `import` lines at its top are hoisted. Files are
// written to disk rather than served as virtual modules because the Worker's
// server function registry is built from the `*.server.ts` files on disk, and
// each example gets its own test file so that two versions of one element
// (tour steps) never meet in one module graph.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** One runnable example of the README. */
export interface ReadmeExample {
  name: string;
  /** The example whose files come first. */
  extends?: string;
  /** 1-based line of the `runnable` marker in README.md. */
  line: number;
  /** Its own files, by path relative to the app's root. */
  files: Map<string, string>;
  /** 1-based README line of each own file's `// path` line. */
  fileLines: Map<string, number>;
  /** The check's code (may be empty). */
  check: string;
}

const MARKER = /^<!-- runnable: ([\w-]+)(?: extends ([\w-]+))? -->$/;
const FILE_LINE = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.(?:ts|js|sql|json))\s*$/;

/** Every runnable example of `markdown`, in order; malformed markers are errors. */
export function extractExamples(markdown: string): ReadmeExample[] {
  const lines = markdown.split('\n');
  const examples: ReadmeExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]!.trim());
    if (marker === null) continue;
    const [, name, base] = marker as unknown as [string, string, string | undefined];
    const where = `README.md:${i + 1} (${name})`;
    if (!/^```\w*/.test(lines[i + 1] ?? '')) throw new Error(`${where}: a runnable marker must be followed by a code fence`);
    const end = lines.findIndex((line, j) => j > i + 1 && line.startsWith('```'));
    if (end === -1) throw new Error(`${where}: the code fence never closes`);
    const fileBodies = new Map<string, string[]>();
    const fileStarts = new Map<string, number>();
    let current: string[] | undefined;
    for (const [offset, line] of lines.slice(i + 2, end).entries()) {
      const file = FILE_LINE.exec(line);
      if (file !== null) {
        current = [];
        fileBodies.set(file[1]!, current);
        fileStarts.set(file[1]!, i + 3 + offset);
      }
      if (current === undefined) throw new Error(`${where}: the first line of a runnable fence must name its file, e.g. "// worker/index.ts"`);
      current.push(line);
    }
    const files = new Map([...fileBodies].map(([path, body]) => [path, `${body.join('\n')}\n`] as const));
    let check = '';
    let next = end + 1;
    while (lines[next]?.trim() === '') next++;
    if (lines[next]?.trim() === '<!-- check') {
      const close = lines.findIndex((line, j) => j > next && line.trim() === '-->');
      if (close === -1) throw new Error(`${where}: the check comment never closes`);
      check = lines.slice(next + 1, close).join('\n');
    }
    if (examples.some((e) => e.name === name)) throw new Error(`${where}: two runnable examples are called ${name}`);
    if (base !== undefined && !examples.some((e) => e.name === base)) throw new Error(`${where}: extends ${base}, which is not an earlier example`);
    examples.push({ name, extends: base, line: i + 1, files, fileLines: fileStarts, check });
    i = end;
  }
  return examples;
}

/** An example's files with those of the examples it extends underneath. */
export function filesOf(example: ReadmeExample, all: readonly ReadmeExample[]): Map<string, string> {
  const base = example.extends === undefined ? undefined : all.find((e) => e.name === example.extends);
  return new Map([...(base === undefined ? [] : filesOf(base, all)), ...example.files]);
}

const KIT = '../../worker/readme/kit.js';

/** The test file that loads an example and runs its check. */
export function testModule(example: ReadmeExample, files: Map<string, string>): string {
  const checkLines = example.check.split('\n');
  const imports = checkLines.filter((line) => line.startsWith('import '));
  const body = checkLines.filter((line) => !line.startsWith('import '));
  const modules = [...files.keys()].filter((path) => /\.ts$/.test(path) && !path.startsWith('client/'));
  const hasApp = files.has('worker/index.ts');
  return [
    `// Generated from README.md by test/support/readme-examples.ts: edit the README, not this file.`,
    `import { it } from 'vitest';`,
    `import { kit } from ${JSON.stringify(KIT)};`,
    ...(hasApp ? [`import app from './worker/index.js';`] : []),
    ...modules.filter((path) => path !== 'worker/index.ts').map((path) => `import ${JSON.stringify(`./${path.replace(/\.ts$/, '.js')}`)};`),
    ...imports,
    ``,
    `it(${JSON.stringify(`README.md:${example.line} ${example.name}`)}, async () => {`,
    `  const { get, call, assert, includes, socket } = kit(${hasApp ? 'app' : 'undefined'});`,
    `  void get; void call; void assert; void includes; void socket;`,
    ...body.map((line) => `  ${line}`),
    `});`,
    ``,
  ].join('\n');
}

/**
 * Writes every runnable example of `readmePath` under `outDir` (emptied
 * first), each with its test file; returns the examples.
 */
export function writeExamples(readmePath: string, outDir: string): ReadmeExample[] {
  const examples = extractExamples(readFileSync(readmePath, 'utf8'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The compiler options of the project (decorators) for the examples' TypeScript.
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify({ extends: '../../tsconfig.json', include: ['.'] }, null, 2)}\n`);
  for (const example of examples) {
    const dir = join(outDir, example.name);
    const files = filesOf(example, examples);
    for (const [path, code] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
    writeFileSync(join(dir, 'readme.test.ts'), testModule(example, files));
  }
  return examples;
}

/** `export class Name extends SocketServer` in any example: Durable Object classes the test Worker must export. */
export function durableObjectClasses(outDir: string, examples: readonly ReadmeExample[]): Map<string, string> {
  const classes = new Map<string, string>();
  for (const example of examples) {
    for (const [path, code] of example.files) {
      for (const match of code.matchAll(/^export class (\w+) extends SocketServer\b/gm)) {
        classes.set(match[1]!, join(outDir, example.name, path));
      }
    }
  }
  return classes;
}

const DURABLE_OBJECTS_ID = 'virtual:readme-durable-objects';

/**
 * For the worker test layer: writes the README's runnable examples to
 * `outDir` when the config loads (before Vitest looks for test files), and
 * serves `virtual:readme-durable-objects`, which re-exports the examples'
 * Durable Object classes so the test Worker's entry can export them.
 */
export function readmeExamples(options: { readme: string; outDir: string }): Plugin {
  let classes = new Map<string, string>();
  return {
    name: 'litflare:readme-examples',
    config() {
      const examples = writeExamples(options.readme, options.outDir);
      classes = durableObjectClasses(options.outDir, examples);
    },
    resolveId(id) {
      return id === DURABLE_OBJECTS_ID ? `\0${DURABLE_OBJECTS_ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${DURABLE_OBJECTS_ID}`) return undefined;
      return [...classes].map(([name, file]) => `export { ${name} } from ${JSON.stringify(file)};`).join('\n') || 'export {};';
    },
  };
}
