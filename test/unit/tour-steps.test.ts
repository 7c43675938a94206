// The README's guided tour applies, step by step, to the app `litflare create`
// writes (src/cli/template/): a step that no longer matches the scaffold fails
// here, in seconds, before the create e2e test walks it on an installed app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyStep, scaffoldApp, textOf, tourSteps, walkTour, type TourApp } from '../e2e/tour-steps.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const template = `${root}src/cli/template`;

describe("the README's guided tour", () => {
  const steps = tourSteps(readme);

  it('has its steps in order, each with a change and a test', () => {
    expect(steps.map((step) => step.number)).toEqual(steps.map((_, k) => k + 1));
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      expect(step.changes.some((change) => !change.path.startsWith('test/')), `step ${step.number} changes the app`).toBe(true);
      expect(step.changes.some((change) => change.path.startsWith('test/')), `step ${step.number} has a test`).toBe(true);
    }
  });

  it('applies to the scaffold, each step to the app the one before left', () => {
    // walkTour throws, naming the README line, when a step does not apply.
    const last = walkTour(scaffoldApp(template, 'my-app'), steps).at(-1)!;
    for (const step of steps) {
      for (const change of step.changes) expect(last.has(change.path), change.path).toBe(true);
    }
    expect(textOf(last.get('worker/index.ts')!)).toContain("app.page('/entries/:id");
  });

  it('runs only npm install and npm run commands', () => {
    const commands = steps.flatMap((step) => step.commands.map((command) => command.command));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/^npm (install|run) /);
  });
});

describe('the tour convention', () => {
  const fence = '```';
  const scaffold: TourApp = new Map([['worker/index.ts', { lines: ['a', 'b', 'c'], origins: [0, 0, 0] }]]);
  const tour = (...body: string[]) => ['# App', '## A guided tour: test', '', ...body, '## Next'].join('\n');

  it('writes new files whole, applies diffs at their line, keeps each line\'s README line', () => {
    const markdown = tour(
      '### 1. One', //                          line 4
      `${fence}ts`, //                           5
      '// worker/new.ts', //                     6
      'export const x = 1;', //                  7
      fence, //                                  8
      `${fence}diff`, //                         9
      '--- a/worker/gaps.ts', //                 10
      '+++ b/worker/gaps.ts', //                 11
      '@@ -1,3 +1,3 @@', //                     12
      ' a', //                                   13
      '', //                                     14: an empty context line whose space an editor stripped
      '-c', //                                   15
      '+C', //                                   16
      fence, //                                  17
      `${fence}sh`, //                           18
      'npm install valibot   # a comment', //    19
      fence, //                                  20
    );
    const [step] = tourSteps(markdown);
    expect(step!.commands).toEqual([{ line: 19, command: 'npm install valibot' }]);
    const before: TourApp = new Map([...scaffold, ['worker/gaps.ts', { lines: ['a', '', 'c'], origins: [0, 0, 0] }]]);
    const app = applyStep(before, step!);
    expect(textOf(app.get('worker/gaps.ts')!)).toBe('a\n\nC\n');
    expect(app.get('worker/gaps.ts')!.origins).toEqual([0, 0, 16]);
    expect(textOf(app.get('worker/new.ts')!)).toBe('// worker/new.ts\nexport const x = 1;\n');
    expect(app.get('worker/new.ts')!.origins).toEqual([6, 7]);
    expect(before.get('worker/gaps.ts')!.lines).toEqual(['a', '', 'c']);
    // What `git apply` gets (the create e2e test applies diffs with it): the diff, its empty line a context line again.
    expect(step!.changes[1]).toMatchObject({ kind: 'patch', text: '--- a/worker/gaps.ts\n+++ b/worker/gaps.ts\n@@ -1,3 +1,3 @@\n a\n \n-c\n+C\n' });
  });

  it('fails, naming the README line, when a diff no longer matches the file', () => {
    const [step] = tourSteps(tour('### 1. One', `${fence}diff`, '--- a/worker/index.ts', '+++ b/worker/index.ts', '@@ -2,1 +2,1 @@', '-x', '+y', fence));
    expect(() => applyStep(scaffold, step!)).toThrow(
      'README.md:8: tour step 1: the diff of worker/index.ts does not apply: line 2 of the file is "b", the diff expects "x"',
    );
  });

  it('refuses a new file over one the app has, and a diff of one it has not', () => {
    const [over] = tourSteps(tour('### 1. One', `${fence}ts`, '// worker/index.ts', 'x', fence));
    expect(() => applyStep(scaffold, over!)).toThrow('README.md:6: tour step 1: the app has worker/index.ts already: change it with a diff block');
    const [missing] = tourSteps(tour('### 1. One', `${fence}diff`, '--- a/worker/nope.ts', '+++ b/worker/nope.ts', '@@ -1 +1 @@', '-a', '+b', fence));
    expect(() => applyStep(scaffold, missing!)).toThrow('README.md:6: tour step 1: a diff of worker/nope.ts, which the app does not have');
  });

  it('refuses malformed steps, naming the README line', () => {
    expect(() => tourSteps(tour('### 2. Two'))).toThrow('README.md:4: tour step 2: is numbered 2, after 0 step(s)');
    expect(() => tourSteps(tour('### 1. One', `${fence}ts`, 'const x = 1;', fence))).toThrow(
      'README.md:6: tour step 1: a ts block of the tour is a new file, whole: its first line names it',
    );
    expect(() => tourSteps(tour('### 1. One', `${fence}diff`, '--- a/a.ts', '+++ b/a.ts', '@@ -1,2 +1,2 @@', '-a', '+b', fence))).toThrow(
      "README.md:8: tour step 1: the hunk's header says 2 old and 2 new lines, it has 1 and 1",
    );
    expect(() => tourSteps(tour('### 1. One', `${fence}sh`, 'rm -rf /', fence))).toThrow('README.md:6: tour step 1: a tour command is "npm install …"');
    expect(() => tourSteps(tour('### One'))).toThrow('README.md:4: the tour: a heading in the tour is a step');
    expect(() => tourSteps('# No tour')).toThrow('README.md has no "## A guided tour" section');
  });
});
