// Every TypeScript block of README.md type-checks, as an app's `npm run typecheck`
// would check it (test/support/readme-types.ts has the convention).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { typedBlocks, typeErrors, type ReadmeTypeError } from '../support/readme-types.js';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const readme = readFileSync(`${root}/README.md`, 'utf8');
const { blocks, env } = typedBlocks(readme, root);
let errors: ReadmeTypeError[] = [];

describe("README.md's TypeScript type-checks", () => {
  beforeAll(() => {
    errors = typeErrors(blocks, env, root);
  }, 120_000);

  for (const block of blocks) {
    it(`README.md:${block.line} ${block.label}`, () => {
      if (block.problem !== undefined) throw new Error(`README.md:${block.line}: ${block.problem}`);
      const own = errors.filter((error) => error.line >= block.from && error.line <= block.to);
      if (own.length > 0) throw new Error(`${own.length} type error(s) in the block at README.md:${block.line}:\n\n${own.map((error) => error.message).join('\n\n')}`);
    });
  }

  it("and nothing else fails (the env comment, a program's options)", () => {
    const elsewhere = errors.filter((error) => !blocks.some((block) => error.line >= block.from && error.line <= block.to));
    expect(elsewhere.map((error) => error.message).join('\n\n')).toBe('');
  });
});

describe('the check', () => {
  const fence = '```';
  const markdown = [
    '# A README', //                                   1
    '<!-- typecheck: worker', //                       2
    "import { createApp } from 'litflare/worker';", // 3
    '-->', //                                          4
    `${fence}ts`, //                                   5
    'const app = createApp();', //                     6
    'const port: number = app;', //                    7: an error on this README line
    fence, //                                          8
    `${fence}ts`, //                                   9
    'const loose = 1;', //                             10: no path, no comment
    fence, //                                          11
    '<!-- typecheck: worker', //                       12
    'class Counter {', //                              13
    '  count = 0;', //                                 14
    '…', //                                            15
    '}', //                                            16
    '-->', //                                          17
    `${fence}ts`, //                                   18
    'increment(): number { return this.count++; }', // 19: members, wrapped in the class
    'decrement(): string { return this.count--; }', // 20: an error, in the class
    fence, //                                          21
    '<!-- typecheck: worker -->', //                   22: not before a fence
    '', //                                             23
  ].join('\n');

  it('names the README line of each error, hidden lines and convention problems included', () => {
    const { blocks, env } = typedBlocks(markdown, root);
    expect(blocks.map((block) => [block.line, block.problem ?? ''])).toEqual([
      [5, ''],
      [9, expect.stringContaining('this block does not say how to type-check it. Start the block with a `// path.ts` line')],
      [18, ''],
      [22, expect.stringContaining('a typecheck comment must be right before the ```ts fence')],
    ]);
    const found = typeErrors(blocks, env, root);
    expect(found.map((error) => error.message.split('\n')[0])).toEqual([
      "README.md:7: TS2322: Type 'LitflareApp' is not assignable to type 'number'.",
      "README.md:20: TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
    expect(found[0]!.message).toContain('const port: number = app;\n          ^');
  }, 60_000);
});
