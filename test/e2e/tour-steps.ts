// The README's guided tour, as a machine applies it to a new app.
//
// The convention (README.md, "A guided tour"): the tour is the section
// `## A guided tour…`, its steps the headings `### N. Title` (numbered from 1,
// in order). Inside a step, each fenced block is one of:
//
//   ```ts (or sql, toml)      a NEW file, whole: its first line names it,
//   // components/x.ts         `// path` (`-- path` in SQL, `# path` in TOML).
//   …                          Writing over a file the app has is an error:
//   ```                        change a file with a diff.
//
//   ```diff                   changes to files the app has, as `git diff`
//   --- a/worker/index.ts      writes them (`git apply` applies them): every
//   +++ b/worker/index.ts      hunk's context and removed lines must be the
//   @@ -2,7 +2,8 @@            file's, at the line the header says.
//   …
//   ```
//
//   ```sh                     commands, run in the app's folder, in order,
//   npm install valibot        after the step's files (npm install/run only).
//   ```
//
// Any other block (text, an output) is not applied. To change a step, write
// out the app after the step before (`walkTour(scaffoldApp(…), steps)`),
// commit it in a scratch git repository, edit it until its typecheck and
// tests pass, and paste `git diff -U2` (new files whole) into the step; the
// later steps' diffs must still apply (test/unit/tour-steps.test.ts says where
// not). A malformed step is an
// error naming its README line. The create e2e test (test/e2e/create.test.ts)
// walks every step on a new app; test/unit/tour-steps.test.ts checks the
// README's steps apply to the template; test/support/readme-types.ts
// type-checks the app after each step.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A new file a step writes, whole. */
export interface TourNewFile {
  kind: 'new';
  path: string;
  /** 1-based README line of the block's first line (the path). */
  line: number;
  /** The file, the path line included (a reader pastes it so). */
  lines: string[];
}

/** One hunk of a diff. */
export interface TourHunk {
  /** 1-based README line of its `@@` header. */
  line: number;
  /** 1-based line of the file where it starts (the header's `-A`). */
  oldStart: number;
  /** Its lines, each with its prefix: `' '` context, `'-'` removed, `'+'` added. */
  lines: string[];
}

/** Changes to a file the app has. */
export interface TourPatch {
  kind: 'patch';
  path: string;
  /** 1-based README line of its `---` header. */
  line: number;
  hunks: TourHunk[];
  /** The diff as the README has it, from `---` on (what `git apply` gets). */
  text: string;
}

/** A command a step runs in the app's folder. */
export interface TourCommand {
  line: number;
  command: string;
}

/** One step of the tour. */
export interface TourStep {
  number: number;
  title: string;
  /** 1-based README line of its heading, and of its last line. */
  line: number;
  end: number;
  /** Its files and diffs, in README order. */
  changes: (TourNewFile | TourPatch)[];
  commands: TourCommand[];
}

/** A file of the app, each line with the README line it came from (0: the template). */
export interface AppFile {
  lines: string[];
  origins: number[];
}

/** The app, by path relative to its root. */
export type TourApp = Map<string, AppFile>;

const SECTION = /^## A guided tour\b/;
const STEP = /^### (\d+)\. (.+)$/;
const FENCE = /^```(\w*)\s*$/;
const PATH_COMMENT: Record<string, RegExp> = {
  ts: /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.ts)$/,
  sql: /^-- ((?:[\w.-]+\/)*[\w.-]+\.sql)$/,
  toml: /^# ((?:[\w.-]+\/)*[\w.-]+\.toml)$/,
};
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const COMMAND = /^npm (?:install(?: [\w@./^~-]+)+|run [\w:-]+|test)$/;

/** Every step of the tour in `markdown`; throws, naming the README line, on a malformed one. */
export function tourSteps(markdown: string): TourStep[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => SECTION.test(line));
  if (start === -1) throw new Error('README.md has no "## A guided tour" section');
  const after = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const end = after === -1 ? lines.length : after;
  const steps: TourStep[] = [];
  let step: TourStep | undefined;
  const fail = (i: number, message: string): never => {
    throw new Error(`README.md:${i + 1}: ${step === undefined ? 'the tour' : `tour step ${step.number}`}: ${message}`);
  };

  for (let i = start + 1; i < end; i++) {
    const line = lines[i]!;
    const heading = STEP.exec(line);
    if (heading !== null) {
      if (step !== undefined) step.end = i;
      step = { number: Number(heading[1]), title: heading[2]!, line: i + 1, end: i + 1, changes: [], commands: [] };
      if (step.number !== steps.length + 1) fail(i, `is numbered ${step.number}, after ${steps.length} step(s)`);
      steps.push(step);
      continue;
    }
    if (line.startsWith('### ')) fail(i, `a heading in the tour is a step, "### N. Title": ${line}`);
    const fence = FENCE.exec(line.trimStart());
    if (fence === null) continue;
    if (line !== line.trimStart()) fail(i, 'a block of the tour starts at the beginning of its line');
    const close = lines.findIndex((text, j) => j > i && text.trim() === '```');
    if (close === -1 || close >= end) fail(i, 'the code block never closes');
    const body = lines.slice(i + 1, close);
    const language = fence[1]!;
    if (step === undefined) {
      if (language === 'diff' || language in PATH_COMMENT) fail(i, 'a file or a diff before the first step ("### 1. …")');
    } else if (language === 'diff') {
      step.changes.push(...parseDiff(body, i + 2, fail));
    } else if (language === 'sh') {
      for (const [k, text] of body.entries()) {
        const command = text.replace(/\s+#.*$/, '').trim();
        if (command === '' || command.startsWith('#')) continue;
        if (!COMMAND.test(command)) fail(i + 1 + k, `a tour command is "npm install …", "npm run …" or "npm test": ${command}`);
        step.commands.push({ line: i + 2 + k, command });
      }
    } else if (language in PATH_COMMENT) {
      const path = PATH_COMMENT[language]!.exec(body[0] ?? '')?.[1];
      if (path === undefined) {
        fail(i + 1, `a ${language} block of the tour is a new file, whole: its first line names it (${language === 'ts' ? '`// worker/x.ts`' : language === 'sql' ? '`-- migrations/0003_x.sql`' : '`# wrangler.toml`'}); change a file with a diff block`);
      }
      step.changes.push({ kind: 'new', path: path!, line: i + 2, lines: body });
    }
    i = close;
  }
  if (step !== undefined) step.end = end;
  if (steps.length === 0) fail(start, 'has no steps ("### 1. Title")');
  return steps;
}

/** The patches of a ```diff block whose first line is README line `firstLine`. */
function parseDiff(body: string[], firstLine: number, fail: (i: number, message: string) => never): TourPatch[] {
  const patches: TourPatch[] = [];
  let patch: TourPatch | undefined;
  let hunk: { hunk: TourHunk; oldCount: number; newCount: number } | undefined;
  const closeHunk = (k: number) => {
    if (hunk === undefined) return;
    const old = hunk.hunk.lines.filter((l) => l[0] !== '+').length;
    const now = hunk.hunk.lines.filter((l) => l[0] !== '-').length;
    if (old !== hunk.oldCount || now !== hunk.newCount) {
      fail(hunk.hunk.line - 1, `the hunk's header says ${hunk.oldCount} old and ${hunk.newCount} new lines, it has ${old} and ${now} (it ends before README line ${firstLine + k})`);
    }
    hunk = undefined;
  };
  for (let k = 0; k < body.length; k++) {
    const text = body[k]!;
    const i = firstLine - 1 + k; // 0-based README line
    if (text.startsWith('diff --git ') || text.startsWith('index ')) continue;
    if (text.startsWith('--- ')) {
      closeHunk(k);
      const from = /^--- a\/(\S+)$/.exec(text)?.[1];
      const to = /^\+\+\+ b\/(\S+)$/.exec(body[k + 1] ?? '')?.[1];
      if (from === undefined || to !== from) fail(i, 'a diff names its file twice: "--- a/path" then "+++ b/path" (a new file is a block of its own)');
      patch = { kind: 'patch', path: from!, line: i + 1, hunks: [], text: `${text}\n${body[k + 1]}\n` };
      patches.push(patch);
      k++;
      continue;
    }
    // An editor may strip the space of an empty context line: git apply gets it back.
    if (patch !== undefined) patch.text += `${text === '' ? ' ' : text}\n`;
    const header = HUNK.exec(text);
    if (header !== null) {
      closeHunk(k);
      if (patch === undefined) fail(i, 'a hunk before its file\'s "--- a/path" line');
      const count = (n: string | undefined) => (n === undefined ? 1 : Number(n));
      const h: TourHunk = { line: i + 1, oldStart: Number(header[1]), lines: [] };
      patch!.hunks.push(h);
      hunk = { hunk: h, oldCount: count(header[2]), newCount: count(header[4]) };
      continue;
    }
    if (hunk === undefined) fail(i, 'a diff line outside a hunk ("@@ -A,B +C,D @@")');
    if (text === '\\ No newline at end of file') continue;
    const line = text === '' ? ' ' : text;
    if (!' -+'.includes(line[0]!)) fail(i, `a diff line starts with " ", "-" or "+": ${text}`);
    hunk!.hunk.lines.push(line);
  }
  closeHunk(body.length);
  if (patches.length === 0) fail(firstLine - 2, 'a diff block without "--- a/path" and "+++ b/path"');
  return patches;
}

/** The files `litflare create` writes from `templateDir` (package.json aside), as `name`. */
export function scaffoldApp(templateDir: string, name: string): TourApp {
  const app: TourApp = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else {
        const text = readFileSync(path, 'utf8').replaceAll('{{name}}', name);
        app.set(`${prefix}${entry === '_gitignore' ? '.gitignore' : entry}`, fromText(text, 0));
      }
    }
  };
  walk(templateDir, '');
  return app;
}

/** A file's text as an {@link AppFile} whose lines all came from `origin`. */
export function fromText(text: string, origin: number): AppFile {
  const lines = text.replace(/\n$/, '').split('\n');
  return { lines, origins: lines.map(() => origin) };
}

/** A file's text. */
export function textOf(file: AppFile): string {
  return `${file.lines.join('\n')}\n`;
}

/** The app after `step` (a new map; `app` is left as it is); throws, naming the README line, when a change does not apply. */
export function applyStep(app: TourApp, step: TourStep): TourApp {
  const next: TourApp = new Map(app);
  for (const change of step.changes) {
    if (change.kind === 'new') {
      if (next.has(change.path)) {
        throw new Error(`README.md:${change.line}: tour step ${step.number}: the app has ${change.path} already: change it with a diff block, not a new file`);
      }
      next.set(change.path, { lines: [...change.lines], origins: change.lines.map((_, k) => change.line + k) });
      continue;
    }
    const file = next.get(change.path);
    if (file === undefined) throw new Error(`README.md:${change.line}: tour step ${step.number}: a diff of ${change.path}, which the app does not have`);
    next.set(change.path, applyPatch(file, change, step));
  }
  return next;
}

function applyPatch(file: AppFile, patch: TourPatch, step: TourStep): AppFile {
  const lines = [...file.lines];
  const origins = [...file.origins];
  let offset = 0; // lines added minus lines removed by the hunks before
  let floor = 0;
  for (const hunk of patch.hunks) {
    const at = hunk.oldStart - 1 + offset;
    const where = `README.md:${hunk.line}: tour step ${step.number}: the diff of ${patch.path} does not apply`;
    if (hunk.oldStart - 1 < floor) throw new Error(`${where}: its hunks must be in the file's order`);
    const expected = hunk.lines.filter((l) => l[0] !== '+').map((l) => l.slice(1));
    for (const [k, want] of expected.entries()) {
      const have = lines[at + k];
      if (have !== want) {
        throw new Error(
          `${where}: line ${hunk.oldStart + k} of the file is ${have === undefined ? 'past its end' : JSON.stringify(have)}, the diff expects ${JSON.stringify(want)} (the scaffold or an earlier step changed?)`,
        );
      }
    }
    // Context lines keep their origin; added lines come from the README.
    const replaced: string[] = [];
    const replacedOrigins: number[] = [];
    let old = 0;
    for (const [k, l] of hunk.lines.entries()) {
      if (l[0] !== '-') {
        replaced.push(l.slice(1));
        replacedOrigins.push(l[0] === ' ' ? origins[at + old]! : hunk.line + 1 + k);
      }
      if (l[0] !== '+') old++;
    }
    lines.splice(at, expected.length, ...replaced);
    origins.splice(at, expected.length, ...replacedOrigins);
    offset += replaced.length - expected.length;
    floor = hunk.oldStart - 1 + expected.length;
  }
  return { lines, origins };
}

/** The app after each step: `apps[n]` is the app after step n (`apps[0]`: the scaffold). */
export function walkTour(scaffold: TourApp, steps: readonly TourStep[]): TourApp[] {
  const apps = [scaffold];
  for (const step of steps) apps.push(applyStep(apps.at(-1)!, step));
  return apps;
}
