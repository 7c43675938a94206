import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeServerModule } from '../../src/vite/server-fns/analyze.js';
import { clientProxyModule, registryModule, workerAnnotations, type ServerModule } from '../../src/vite/server-fns/codegen.js';
import { serverFnId } from '../../src/vite/server-fns/ids.js';

const sample = `
import * as v from 'valibot';
import { serverFn as fn } from 'litflare/worker';
import { d1 } from 'litflare/worker';

const SECRET_SQL = 'SELECT * FROM todos';
export type Todo = { id: number; title: string };
export interface Filter { done?: boolean }

export async function listTodos(filter?: Filter): Promise<Todo[]> { return []; }
export async function* watch(room: string, ...tags: string[]) { yield room; }
export const addTodo = fn({ input: v.object({ title: v.string() }) }, async ({ title }) => title);
export const search = fn({ method: 'GET', cacheControl: 'max-age=60' }, async (q: string, limit = 10) => [q, limit]);
export const addNote = fn({ form: true, input: v.object({ title: v.string() }) }, async ({ title }) => title);
const remove = async (id: number) => id;
export { remove as deleteTodo };
`;

/**
 * Compares generated code with its golden file. `UPDATE_GOLDEN=1` writes
 * them; without it a missing golden file fails (it is the reviewed output).
 */
function golden(name: string, actual: string): void {
  const file = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`test/unit/golden/${name} is missing: run with UPDATE_GOLDEN=1 to write it, and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const root = '/project';
const file = '/project/worker/todos.server.ts';
const module: ServerModule = {
  file,
  exports: analyzeServerModule(sample, 'worker/todos.server.ts').map((fn) => ({ ...fn, id: serverFnId(root, file, fn.name) })),
};

describe('analyzing a server module', () => {
  it('finds every server function with its method, kind and arity, ignoring types', () => {
    expect(module.exports.map(({ id: _, ...rest }) => rest)).toEqual([
      { name: 'listTodos', local: 'listTodos', method: 'POST', generator: false, maxArgs: 1 },
      { name: 'watch', local: 'watch', method: 'POST', generator: true, maxArgs: Number.POSITIVE_INFINITY },
      { name: 'addTodo', local: 'addTodo', method: 'POST', generator: false, maxArgs: 1 },
      { name: 'search', local: 'search', method: 'GET', generator: false, maxArgs: 2 },
      { name: 'addNote', local: 'addNote', method: 'POST', generator: false, maxArgs: 1, form: true },
      { name: 'deleteTodo', local: 'remove', method: 'POST', generator: false, maxArgs: 1 },
    ]);
  });

  it('rejects exports that are not server functions, naming the file and each export', () => {
    const bad = `
      export const LIMIT = 10;
      export function sync() {}
      export class Repo {}
      export const config = { a: 1 };
      export default async function () {}
      export * from './other';
      export const wrapped = serverFn({ method: someMethod }, async () => 1);
      export const formless = serverFn({ form: true }, async () => 1);
      export const flagged = serverFn({ form: isForm, input: schema }, async () => 1);
      export const gotten = serverFn({ form: true, method: 'GET', input: schema }, async () => 1);
      import { serverFn } from 'litflare/worker';
    `;
    expect(() => analyzeServerModule(bad, 'worker/bad.server.ts')).toThrowErrorMatchingInlineSnapshot(`
      [Error: litflare: worker/bad.server.ts is a server module (*.server.ts), so every export must be a server function:
        - \`LIMIT\` is not a server function (a number)
        - \`sync\` is not a server function: it must be \`async\`
        - \`Repo\` is not a server function (a class)
        - \`config\` is not a server function (an object)
        - \`default\` is not allowed: export server functions by name
        - \`export * from\` is not allowed: export each server function from the module that defines it
        - \`wrapped\` passes serverFn options the build cannot read: write them as an object literal, with \`method: 'GET'\` or \`'POST'\` if you set it
        - \`formless\` is a form action (\`form: true\`), which needs an \`input\` schema and POST
        - \`flagged\` passes serverFn a \`form\` option the build cannot read: write \`form: true\`
        - \`gotten\` is a form action (\`form: true\`), which needs an \`input\` schema and POST
      Export only async functions (or serverFn(...)) from it, and move anything else to another module.]
    `);
  });
});

describe('ids', () => {
  it('are stable hashes of the project path and export name, revealing neither', () => {
    const id = serverFnId('/a/b', '/a/b/worker/todos.server.ts', 'listTodos');
    expect(id).toBe(serverFnId('/elsewhere', '/elsewhere/worker/todos.server.ts', 'listTodos'));
    expect(id).toMatch(/^[\w-]{16}$/);
    expect(id).not.toContain('todo');
    expect(serverFnId('/a/b', '/a/b/worker/todos.server.ts', 'addTodo')).not.toBe(id);
    // Pinned: a change here changes every deployed proxy's URL.
    expect(id).toBe('89kMSmGxauih4JGO');
  });
});

describe('generated code (golden files)', () => {
  it('client: one proxy per export, nothing of the module’s code or imports', () => {
    const code = clientProxyModule(module, '/litflare/src/client/rpc/proxy.ts');
    golden('todos.client.js', code);
    expect(code).not.toContain('SELECT');
    expect(code).not.toContain('valibot');
  });

  it('worker: each function tagged with its id', () => {
    golden('todos.worker-annotations.js', workerAnnotations(module));
  });

  it('registry: what the dispatcher checks, and lazy loading of each module', () => {
    golden('registry.js', registryModule([module]));
  });
});
