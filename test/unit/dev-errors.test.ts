import type { SourceMapPayload } from 'node:module';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { appFrames, codeFrame, elementLine, firstAppFrame, mapStack, originalPosition } from '../../src/vite/dev-errors/index.js';

const source = `import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';

interface Todo {
  title: string;
}

@customElement('todo-card')
export class TodoCard extends LitElement {
  todo?: Todo;

  override render() {
    if (this.todo === undefined) throw new Error('no todo');
    return html\`<p>\${this.todo.title}</p>\`;
  }
}
`;

/** The module as Vite serves it to the browser: TypeScript and decorators compiled, with its map. */
async function served(file: string) {
  const result = await transformWithOxc(source, file, {
    lang: 'ts',
    sourcemap: true,
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  });
  return { code: result.code, map: result.map as unknown as SourceMapPayload };
}

/** Line and column (from 1) of `needle` in `code`. */
function positionOf(code: string, needle: string): { line: number; column: number } {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

describe('mapStack', () => {
  it('maps frames in modules the dev server served to their source file, line and column', async () => {
    const file = '/app/components/todo-card.ts';
    const { code, map } = await served(file);
    const at = positionOf(code, 'throw new Error(');
    expect(at.line).not.toBe(13); // the served module's line is not the source's
    const url = 'http://localhost:5173/components/todo-card.ts?t=1712';
    const stack = [
      'Error: no todo',
      `    at TodoCard.render (${url}:${at.line}:${at.column})`,
      '    at TodoCard.update (http://localhost:5173/node_modules/.vite/deps/lit.js?v=1a2b:10:3)',
      `    at ${url}:${at.line}:${at.column}`,
    ].join('\n');
    const mapped = await mapStack(stack, async (location) => (location === url ? { file, map } : undefined));
    expect(mapped.split('\n')).toEqual([
      'Error: no todo',
      '    at TodoCard.render (/app/components/todo-card.ts:13:34)',
      '    at TodoCard.update (http://localhost:5173/node_modules/.vite/deps/lit.js?v=1a2b:10:3)',
      '    at /app/components/todo-card.ts:13:34',
    ]);
  });

  it('leaves a stack alone when nothing in it was served (a Worker stack, mapped in workerd)', async () => {
    const stack = 'Error: boom\n    at renameTodo (/app/worker/todos.server.ts:30:11)\n    at call (/app/src/worker/rpc/handler.ts:63:20)';
    expect(await mapStack(stack, async () => undefined)).toBe(stack);
  });

  it('gives no position for a module without mappings', () => {
    expect(originalPosition({ file: '/app/a.ts', map: { version: 3, sources: [], names: [], mappings: '', file: '', sourceRoot: '', sourcesContent: [] } }, 1, 1)).toBeUndefined();
  });
});

describe('firstAppFrame', () => {
  const stack = [
    'Error: The todo store refused "Ship it"',
    '    at Array.find (<anonymous>)',
    '    at dispatch (/app/node_modules/hono/dist/compose.js:35:11)',
    '    at renameTodo (/app/worker/todos.server.ts:30:11)',
    '    at call (/app/src/worker/rpc/handler.ts:63:20)',
  ].join('\n');

  it('is the first frame in the app’s own files', () => {
    expect(firstAppFrame(stack, (file) => !file.includes('/node_modules/'))).toEqual({ file: '/app/worker/todos.server.ts', line: 30, column: 11 });
  });

  it('is undefined when no frame is the app’s', () => {
    expect(firstAppFrame(stack, () => false)).toBeUndefined();
  });
});

describe('appFrames', () => {
  const isApp = (file: string) => !file.includes('/node_modules/') && !file.startsWith('/app/src/');
  const hydration = [
    'Error: <todo-card> is defined',
    '    at CustomElementRegistry.define (/app/src/client/dev/definitions.ts:19:28)',
    '    at /app/node_modules/@lit/reactive-element/development/decorators/custom-element.js:14:28',
    '    at /app/components/todo-card.ts:8:1',
    '',
    'Error: Hydration value mismatch: Unexpected TemplateResult rendered to part',
    '    at hydratePart (http://localhost:5173/node_modules/.vite/deps/lit.js?v=1a2b:2210:15)',
    '    at LitElement.update (/app/src/client/dev/hydration-errors.ts:24:14)',
  ].join('\n');

  it("keeps the app's frames and every message line: litflare's wrappers and the dependencies' frames go", () => {
    expect(appFrames(hydration, isApp).split('\n')).toEqual([
      'Error: <todo-card> is defined',
      '    at /app/components/todo-card.ts:8:1',
      '',
      'Error: Hydration value mismatch: Unexpected TemplateResult rendered to part',
    ]);
  });

  it('keeps the first frame when none is the app’s, so the stack still says where it came from', () => {
    const stack = 'Error: boom\n    at hydratePart (http://localhost:5173/node_modules/.vite/deps/lit.js:2210:15)\n    at call (/app/src/worker/rpc/handler.ts:63:20)';
    expect(appFrames(stack, isApp)).toBe('Error: boom\n    at hydratePart (http://localhost:5173/node_modules/.vite/deps/lit.js:2210:15)');
  });
});

describe('codeFrame', () => {
  it('numbers the lines around the position and puts a caret under the column', () => {
    expect(codeFrame(source, 13, 34, 1)).toBe(
      [
        "12 |    override render() {",
        "13 |      if (this.todo === undefined) throw new Error('no todo');",
        '   |                                   ^',
        '14 |      return html`<p>${this.todo.title}</p>`;',
      ].join('\n'),
    );
  });

  it('stops at the ends of the file', () => {
    expect(codeFrame('only line', 1, 1)).toBe('1 |  only line\n  |  ^');
  });
});

describe('elementLine', () => {
  it('is the element’s render() method, which a hydration mismatch is about', () => {
    expect(elementLine(source, 'todo-card')).toEqual({ line: 12, column: 3 });
  });

  it('is the line naming the tag when the element has no render() of its own', () => {
    expect(elementLine("class A extends B {}\ncustomElements.define('a-b', A);", 'a-b')).toEqual({ line: 2, column: 1 });
  });

  it('is undefined when the source never names the tag', () => {
    expect(elementLine(source, 'other-card')).toBeUndefined();
  });
});
