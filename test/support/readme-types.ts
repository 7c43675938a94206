// Type-checks every TypeScript block of README.md, as an app's `npm run
// typecheck` would, with one TypeScript program per kind of code:
//
//   worker  the Worker (worker/tsconfig.json: the Workers runtime types)
//   client  components and browser code (client/tsconfig.json: the DOM)
//   node    vite.config.ts and vitest.config.ts (Node's types)
//
// The convention, in README.md (also told in its "About the examples"):
//
// - A runnable example (`<!-- runnable: NAME -->`, see readme-examples.ts) is
//   checked as the app it is: each `// path.ts` file in its folder, with the
//   files of the example it extends; `client/` and `components/` files in the
//   client program, the rest in the worker program.
// - Any other block is one file of this repository's demo app, at the path its
//   first line names (`// components/weather-card.ts`), so it may import the
//   demo's modules; its program follows from the path (`worker/` → worker,
//   `components/` or `client/` → client, `vite.config.ts` → node).
// - A block that needs more says so in a comment right before its fence:
//
//     <!-- typecheck: worker                  (the program; optional when the path tells)
//     import { html } from 'lit';              hidden lines checked before the block
//     import { createApp } from 'litflare/worker';
//     const app = createApp();
//     -->
//
//   A line `…` among the hidden lines is where the block goes (to wrap a
//   fragment, e.g. class members, in a class). `<!-- typecheck: client in
//   tour-websocket` checks the block as a file of that runnable example's app
//   instead of the demo's.
// - One `<!-- typecheck: env … -->` comment declares the bindings the examples
//   use beyond the repository's wrangler.toml (a global declaration file,
//   beside the runnable examples' folders).
// - The guided tour (`## A guided tour…`, see test/e2e/tour-steps.ts) is
//   checked step by step as the app `litflare create` writes
//   (src/cli/template/) with the steps so far applied: one test per step, in
//   programs of its own (each step has its own copy of the app's elements).
//   Its bindings are those of the step's wrangler.toml, as `wrangler types`
//   writes them. `<!-- typecheck: … in tour` checks a block elsewhere as a file
//   of the app after the tour's last step.
//
// Each error names the README line it is on.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { scaffoldApp, tourSteps, walkTour, type AppFile, type TourApp } from '../e2e/tour-steps.js';
import { extractExamples, type ReadmeExample } from './readme-examples.js';

/** The program a file is checked in. */
export type TypeProgram = 'worker' | 'client' | 'node';

/** A file a block is checked as, and the README line of each of its lines. */
export interface CheckedFile {
  /** Absolute path (it need not exist: files are served from memory). */
  path: string;
  program: TypeProgram;
  text: string;
  /** 1-based README line of each line of `text`. */
  readmeLines: number[];
  /** README lines that are not in a fence (a typecheck comment's). */
  hidden?: ReadonlySet<number>;
  /** The programs it is checked in: files of one group only see each other (a tour step's app). */
  group?: string;
  /** Where a line that no README line wrote comes from (a tour step's app: the scaffold's files), by 0-based line. */
  sourceOf?: (line: number) => string | undefined;
}

/** One ```ts block of the README. */
export interface TypedBlock {
  /** 1-based README line of its opening fence. */
  line: number;
  /** Its README lines, from its typecheck comment (or runnable marker) to its closing fence. */
  from: number;
  to: number;
  /** What the block is, for a test's name: its file or example. */
  label: string;
  /** The files its check needs (for a runnable example: its whole app). */
  files: CheckedFile[];
  /** Why it cannot be checked as written (a convention broken), if so. */
  problem?: string;
}

/** An error, on a README line. */
export interface ReadmeTypeError {
  line: number;
  message: string;
}

const FENCE = /^(\s*)```(\w*)\s*$/;
const TYPED = new Set(['ts', 'typescript']);
const COMMENT = /^<!-- typecheck(?::\s*(worker|client|node|env))?(?:\s+in\s+([\w-]+))?\s*(-->)?$/;
const PATH_LINE = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.ts)(?=$|[\s:(—])/;
const HOW =
  'Start the block with a `// path.ts` line (worker/…, components/…, client/…, vite.config.ts), or put ' +
  '`<!-- typecheck: worker|client|node` + hidden lines (imports, declarations) + `-->` right before its fence ' +
  '(README.md, "About the examples")';

/** The program of a file, from its path; `undefined` when the path does not tell. */
export function programOf(path: string): TypeProgram | undefined {
  if (/^(worker\/|.*\.server\.ts$)/.test(path)) return 'worker';
  if (/^(components|client)\//.test(path)) return 'client';
  if (/^vite(st)?\.config\.ts$/.test(path)) return 'node';
  return undefined;
}

/** `dir/name.ts` → `dir/name.readme-LINE.ts`: a file beside the one the block shows a part of. */
const beside = (path: string, line: number) => path.replace(/\.ts$/, `.readme-${line}.ts`);

/** The README's typecheck comment ending on `lines[end]`, if there is one. */
function commentEndingAt(lines: readonly string[], end: number): { start: number; head: RegExpExecArray } | undefined {
  const last = lines[end]?.trim() ?? '';
  if (!last.endsWith('-->')) return undefined;
  for (let i = end; i >= 0; i--) {
    const head = COMMENT.exec(lines[i]!.trim());
    if (head !== null) return (head[3] !== undefined) === (i === end) ? { start: i, head } : undefined;
    if (i < end && (lines[i]!.includes('-->') || lines[i]!.trimStart().startsWith('<!--'))) return undefined;
  }
  return undefined;
}

/** Each own file's README line, with those of the examples it extends underneath. */
function originsOf(example: ReadmeExample, all: readonly ReadmeExample[]): Map<string, { text: string; line: number }> {
  const base = example.extends === undefined ? undefined : all.find((e) => e.name === example.extends);
  const own = [...example.files].map(([path, text]) => [path, { text, line: example.fileLines.get(path)! }] as const);
  return new Map([...(base === undefined ? [] : originsOf(base, all)), ...own]);
}

const counting = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

/** The program a file of a new app is checked in, as its `npm run typecheck` does (undefined: not checked). */
function appProgramOf(path: string): TypeProgram | undefined {
  if (!path.endsWith('.ts')) return undefined;
  if (/^(components|client)\//.test(path)) return 'client';
  if (/^(worker|test)\//.test(path)) return 'worker';
  return undefined; // vite.config.ts, vitest.config.ts: the scaffold's, unchanged by the tour
}

/** `wrangler types`' lines for the Durable Object bindings of a wrangler.toml (D1's `DB` is in the repository's types already). */
function bindingTypes(wranglerToml: string): string[] {
  return [...wranglerToml.matchAll(/\[\[durable_objects\.bindings\]\]\s*\nname = "(\w+)"\s*\nclass_name = "(\w+)"/g)].map(
    ([, name, className]) => `    ${name}: DurableObjectNamespace<import('./worker/index.js').${className}>;`,
  );
}

interface TourBlocks {
  blocks: TypedBlock[];
  /** README lines of the tour section (1-based, inclusive). */
  from: number;
  to: number;
  /** The app after the last step, and its group. */
  lastApp: TourApp;
  lastGroup: string;
}

/** One block per step of the guided tour: the app after the step, in a group (programs) of its own. */
function tourBlocks(markdown: string, root: string, examplesDir: string): TourBlocks {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^## A guided tour\b/.test(line));
  const after = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const none: TourBlocks = { blocks: [], from: 0, to: -1, lastApp: new Map(), lastGroup: 'tour-0' };
  if (start === -1) return none;
  const from = start + 1;
  const to = after === -1 ? lines.length : after;
  let apps: TourApp[];
  let steps: ReturnType<typeof tourSteps>;
  try {
    steps = tourSteps(markdown);
    apps = walkTour(scaffoldApp(join(root, 'src/cli/template'), 'my-app'), steps);
  } catch (error) {
    return { ...none, from, to, blocks: [{ line: from, from, to, label: 'the guided tour', files: [], problem: (error as Error).message }] };
  }
  const blocks = steps.map((step, k): TypedBlock => {
    const app = apps[k + 1]!;
    const group = `tour-${step.number}`;
    const dir = join(examplesDir, group);
    const files = [...app].flatMap(([path, file]): CheckedFile[] => {
      const program = appProgramOf(path);
      return program === undefined ? [] : [tourFile(join(dir, path), program, group, file, step.line, `src/cli/template/${path}`)];
    });
    const bindings = bindingTypes(app.get('wrangler.toml')?.lines.join('\n') ?? '');
    if (bindings.length > 0) {
      const text = ['declare namespace Cloudflare {', '  interface Env {', ...bindings, '  }', '}'];
      const env = { lines: text, origins: text.map(() => 0) };
      for (const program of ['worker', 'client'] as const) files.push(tourFile(join(dir, `${program}.env.d.ts`), program, group, env, step.line, `the bindings of ${group}'s wrangler.toml`));
    }
    return { line: step.line, from: step.line, to: step.end, label: `tour step ${step.number}: ${step.title}`, files };
  });
  return { blocks, from, to, lastApp: apps.at(-1)!, lastGroup: `tour-${steps.length}` };
}

/** A file of a tour step's app: its README lines (the step's heading for the scaffold's lines). */
function tourFile(path: string, program: TypeProgram, group: string, file: AppFile, stepLine: number, source: string): CheckedFile {
  return {
    path,
    program,
    group,
    text: file.lines.join('\n'),
    readmeLines: file.origins.map((origin) => (origin === 0 ? stepLine : origin)),
    sourceOf: (line) => (file.origins[line] === 0 ? `${source}:${line + 1}` : undefined),
  };
}

/**
 * Every ```ts block of `markdown` with the files it is checked as. `root` is
 * the repository (the demo app's folder); runnable examples are placed under
 * `root/.readme-types/`, which never exists on disk.
 */
export function typedBlocks(markdown: string, root: string): { blocks: TypedBlock[]; env: CheckedFile[] } {
  const lines = markdown.split('\n');
  const examples = extractExamples(markdown);
  const examplesDir = join(root, '.readme-types');
  const blocks: TypedBlock[] = [];
  const env: CheckedFile[] = [];
  const usedComments = new Set<number>();
  const fenced = new Set<number>();
  // Blocks that share `in NAME` (NAME not a runnable example): one app, a file per path.
  const groups = new Map<string, Set<string>>();
  const tour = tourBlocks(markdown, root, examplesDir);
  blocks.push(...tour.blocks);

  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]!);
    if (fence === null) continue;
    const indent = fence[1]!;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    if (end === -1) break;
    const code = lines.slice(i + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
    for (let j = i; j <= end; j++) fenced.add(j);
    const fenceAt = i;
    i = end;
    if (!TYPED.has(fence[2]!)) continue;
    if (fenceAt + 1 >= tour.from && fenceAt + 1 <= tour.to) continue; // a tour step's (checked with its step)

    const example = examples.find((e) => e.line === fenceAt); // its marker is the line before (1-based line = index)
    const comment = commentEndingAt(lines, fenceAt - (example === undefined ? 1 : 2));
    const from = (comment?.start ?? (example === undefined ? fenceAt : fenceAt - 1)) + 1;
    const block: TypedBlock = { line: fenceAt + 1, from, to: end + 1, label: '', files: [] };
    blocks.push(block);
    if (comment !== undefined) usedComments.add(comment.start);

    if (example !== undefined) {
      block.label = `runnable ${example.name}`;
      if (comment !== undefined) block.problem = 'a runnable example is whole files and is checked as they are: remove its typecheck comment';
      for (const [path, { text, line }] of originsOf(example, examples)) {
        if (!path.endsWith('.ts')) continue;
        const body = text.replace(/\n$/, '').split('\n');
        block.files.push({
          path: join(examplesDir, example.name, path),
          program: programOf(path) ?? 'worker',
          text: body.join('\n'),
          readmeLines: counting(line, body.length),
        });
      }
      continue;
    }

    const named = PATH_LINE.exec(code[0] ?? '')?.[1];
    block.label = named ?? `README.md:${block.line}`;
    const [, kind, home] = comment?.head ?? [];
    const program = (kind as TypeProgram | undefined) ?? (named === undefined ? undefined : programOf(named));
    if (kind === 'env') {
      block.problem = 'the typecheck env comment declares the bindings for every block: put it before no code block';
      continue;
    }
    if (program === undefined) {
      block.problem = `this block does not say how to type-check it. ${HOW}`;
      continue;
    }
    const homeExample = home === undefined ? undefined : examples.find((e) => e.name === home);
    const inTour = home === 'tour';
    const dir = home === undefined ? root : inTour ? join(examplesDir, tour.lastGroup) : join(examplesDir, home);
    const group = home === undefined ? undefined : (groups.get(home) ?? groups.set(home, new Set()).get(home)!);
    const taken = (path: string) =>
      home === undefined
        ? existsSync(join(root, path))
        : (homeExample !== undefined && originsOf(homeExample, examples).has(path)) || (inTour && tour.lastApp.has(path)) || group!.has(path);
    const path = named === undefined ? `${{ worker: 'worker', client: 'components', node: '.' }[program]}/readme-${block.line}.ts` : taken(named) ? beside(named, block.line) : named;
    group?.add(path);
    const hidden = comment === undefined ? [] : lines.slice(comment.start + 1, fenceAt - 1);
    const slot = hidden.findIndex((line) => line.trim() === '…');
    const before = slot === -1 ? hidden : hidden.slice(0, slot);
    const after = slot === -1 ? [] : hidden.slice(slot + 1);
    const hiddenLine = (k: number) => comment!.start + 2 + k;
    block.files.push({
      path: join(dir, path),
      program,
      text: [...before, ...code, ...after].join('\n'),
      readmeLines: [
        ...before.map((_, k) => hiddenLine(k)),
        ...counting(fenceAt + 2, code.length),
        ...after.map((_, k) => hiddenLine(slot + 1 + k)),
      ],
      hidden: new Set(hidden.map((_, k) => hiddenLine(k))),
      ...(inTour ? { group: tour.lastGroup } : {}),
    });
  }

  // The env comment, and typecheck comments that are not right before a block.
  for (let i = 0; i < lines.length; i++) {
    const head = COMMENT.exec(lines[i]!.trim());
    if (head === null || usedComments.has(i) || fenced.has(i)) continue;
    const close = head[3] !== undefined ? i : lines.findIndex((line, j) => j > i && line.trim() === '-->');
    if (head[1] === 'env' && close !== -1) {
      const body = lines.slice(i + 1, close);
      const readmeLines = counting(i + 2, body.length);
      env.push({ path: join(examplesDir, 'env.d.ts'), program: 'worker', text: body.join('\n'), readmeLines, hidden: new Set(readmeLines) });
    } else {
      blocks.push({ line: i + 1, from: i + 1, to: i + 1, label: 'a typecheck comment', files: [], problem: 'a typecheck comment must be right before the ```ts fence it is for (or its runnable marker)' });
    }
  }
  return { blocks, env };
}

/** The compiler options of a tsconfig of the repository. */
function optionsOf(configPath: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`);
  return parsed.options;
}

/** The options of each program: the repository's own, as `npm run typecheck` uses them. */
function programOptions(root: string): Record<TypeProgram, ts.CompilerOptions> {
  const force = { moduleDetection: ts.ModuleDetectionKind.Force, noEmit: true };
  const node = optionsOf(join(root, 'tsconfig.json'));
  return {
    worker: { ...optionsOf(join(root, 'worker/tsconfig.json')), ...force },
    client: { ...optionsOf(join(root, 'client/tsconfig.json')), ...force },
    node: { ...node, ...force, lib: ['lib.es2023.d.ts'], types: ['node'] },
  };
}

/** One line of a diagnostic, with the README line and the code under it. */
function located(diagnostic: ts.Diagnostic, file: CheckedFile): ReadmeTypeError {
  const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const readmeLine = file.readmeLines[line] ?? file.readmeLines[0] ?? 0;
  const source = file.text.split('\n')[line] ?? '';
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
  const from = file.sourceOf?.(line);
  const shown = file.hidden?.has(readmeLine) ? `${source}   (a line of the typecheck comment)` : from !== undefined ? `${source}   (${from}, as the tour left it)` : source;
  return {
    line: readmeLine,
    message: `README.md:${readmeLine}: TS${diagnostic.code}: ${message}\n    ${shown}\n    ${' '.repeat(character)}^`,
  };
}

/**
 * Type-checks `blocks` (and the env) in one program per kind; returns the
 * errors, each on its README line (the same error met by several programs or
 * examples once).
 */
export function typeErrors(blocks: readonly TypedBlock[], env: readonly CheckedFile[], root: string): ReadmeTypeError[] {
  const files = new Map<string, CheckedFile>();
  for (const file of [...env, ...blocks.flatMap((block) => block.files)]) files.set(file.path, file);
  const ownFiles = new Set(blocks.flatMap((block) => block.files).map((file) => file.path));
  const dirs = new Set([...files.keys()].flatMap((path) => ancestors(dirname(path), root)));
  const options = programOptions(root);
  const cache = new Map<string, ts.SourceFile | undefined>();
  const errors = new Map<string, ReadmeTypeError>();

  const groups = [...new Set([...files.values()].map((file) => file.group))];
  for (const [group, program] of groups.flatMap((g) => (['worker', 'client', 'node'] as const).map((p) => [g, p] as const))) {
    const rootNames = [...files.values()].filter((file) => file.program === program && file.group === group && ownFiles.has(file.path)).map((file) => file.path);
    if (rootNames.length === 0) continue;
    const host = ts.createCompilerHost(options[program]);
    const { fileExists, readFile, directoryExists, getSourceFile } = host;
    host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
    host.readFile = (path) => files.get(path)?.text ?? readFile.call(host, path);
    host.directoryExists = (dir) => dirs.has(dir) || (directoryExists?.call(host, dir) ?? ts.sys.directoryExists(dir));
    host.getSourceFile = (path, language, onError) => {
      const own = files.get(path);
      if (own !== undefined) return ts.createSourceFile(path, own.text, language, true);
      // Files on disk (the DOM library, litflare's sources) are parsed once for every program.
      const key = `${path}\0${JSON.stringify(language)}`;
      if (!cache.has(key)) cache.set(key, getSourceFile.call(host, path, language, onError));
      return cache.get(key);
    };
    // The bindings are the Worker's: config files (node) never see them.
    const envNames = program === 'node' ? [] : env.map((file) => file.path);
    const checked = ts.createProgram([...rootNames, ...envNames], options[program], host);
    for (const diagnostic of [...checked.getOptionsDiagnostics(), ...checked.getGlobalDiagnostics()]) {
      errors.set(`global ${diagnostic.code}`, { line: 0, message: `${program} program: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}` });
    }
    for (const source of checked.getSourceFiles()) {
      const file = files.get(source.fileName);
      if (file === undefined) continue;
      for (const diagnostic of [...checked.getSyntacticDiagnostics(source), ...checked.getSemanticDiagnostics(source)]) {
        const error = located(diagnostic, file);
        errors.set(error.message, error);
      }
    }
  }
  return [...errors.values()].sort((a, b) => a.line - b.line);
}

/** `dir` and its parents up to `root` (exclusive). */
function ancestors(dir: string, root: string): string[] {
  const found: string[] = [];
  for (let current = dir; relative(root, current) !== '' && !relative(root, current).startsWith('..'); current = dirname(current)) found.push(current);
  return found;
}
