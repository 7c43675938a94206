import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { serverFnId } from '../../src/vite/server-fns/ids.js';
import { serverFunctions, serverOnlyGuard } from '../../src/vite/server-fns/index.js';
import { findServerModules, serverDirPaths } from '../../src/vite/server-fns/scan.js';

const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A tiny app on disk: file path → source. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'litflare-fns-'));
  projects.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** Builds the client of a project as `vite build` would, returning the emitted JavaScript. */
async function buildClient(root: string, serverDirs?: string[]): Promise<string> {
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [serverFunctions({ serverDirs }), serverOnlyGuard({ serverDirs })],
    build: { write: true, outDir: 'dist' },
  })) as Rollup.RollupOutput;
  expect(output.output.length).toBeGreaterThan(0);
  const assets = join(root, 'dist/assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .join('\n');
}

const shell = '<!doctype html><html><head><script type="module" src="/client/main.ts"></script></head><body></body></html>';

describe('the client build of server functions', () => {
  it('contains proxies only: no server code, SQL, imports or file paths', async () => {
    const root = project({
      'index.html': shell,
      'client/main.ts': "import { listTodos, addTodo } from '../worker/todos.server.js';\n(window as any).fns = [listTodos, addTodo];\n",
      'worker/db.ts': "export const marker = 'WORKER-ONLY-MARKER-42';\n",
      'worker/todos.server.ts':
        "import { marker } from './db.js';\n" +
        'export async function listTodos() { console.log(marker); return "SELECT id, title FROM todos"; }\n' +
        'export const addTodo = async (title: string) => title;\n',
    });
    const js = await buildClient(root);
    expect(js).toContain('/_lf/rpc/');
    expect(js).toContain(serverFnId(root, join(root, 'worker/todos.server.ts'), 'listTodos'));
    expect(js).toContain(serverFnId(root, join(root, 'worker/todos.server.ts'), 'addTodo'));
    expect(js).not.toContain('WORKER-ONLY-MARKER-42');
    expect(js).not.toContain('SELECT id, title FROM todos');
    expect(js).not.toContain('todos.server');
    expect(js).not.toContain('worker/');
  });

  it('fails when client code imports server-only code, naming the import chain', async () => {
    const root = project({
      'index.html': shell,
      'client/main.ts': "import '../components/todo-list.js';\n",
      'components/todo-list.ts': "import { db } from '../worker/db.js';\nexport const list = db;\n",
      'worker/db.ts': 'export const db = 1;\n',
    });
    await expect(buildClient(root)).rejects.toThrow(
      /client code imports server-only code:\n {2}.*index\.html\n {2}→ client\/main\.ts\n {2}→ components\/todo-list\.ts\n {2}→ worker\/db\.ts\n/,
    );
  });

  it('fails when client code imports litflare/worker', async () => {
    const root = project({
      'index.html': shell,
      'client/main.ts': "import { createApp } from 'litflare/worker';\nconsole.log(createApp);\n",
    });
    await expect(buildClient(root)).rejects.toThrow(/client code imports server-only code:[\s\S]*→ litflare\/worker\n/);
  });

  it('fails when client code imports litflare/durable-object', async () => {
    const root = project({
      'index.html': shell,
      'client/main.ts': "import { SocketServer } from 'litflare/durable-object';\nconsole.log(SocketServer);\n",
    });
    await expect(buildClient(root)).rejects.toThrow(/client code imports server-only code:[\s\S]*→ litflare\/durable-object\n/);
  });

  it('fails on a server module export that is not a server function, naming file and export', async () => {
    const root = project({
      'index.html': shell,
      'client/main.ts': "import { limit } from '../worker/bad.server.js';\nconsole.log(limit);\n",
      'worker/bad.server.ts': 'export const limit = 10;\n',
    });
    await expect(buildClient(root)).rejects.toThrow(/worker\/bad\.server\.ts is a server module[\s\S]*`limit` is not a server function \(a number\)/);
  });
});

describe('the app’s server functions', () => {
  const files = {
    'worker/todos.server.ts': 'export async function listTodos() { return []; }\n',
    'worker/admin/users.server.ts': 'export async function listUsers() { return []; }\n',
    'worker/test/fixture.server.ts': 'export async function fixture() { return 1; }\n',
    'worker/node_modules/dep/dep.server.ts': 'export async function dep() { return 1; }\n',
    'server/billing.server.ts': 'export async function charge() { return 1; }\n',
    // A scaffold's template, a script, a test fixture: server modules of other apps, or of none.
    'src/cli/template/worker/guestbook.server.ts': 'export async function sign() { return 1; }\n',
    'scripts/seed.server.ts': 'export async function seed() { return 1; }\n',
    'test/fixtures/echo.server.ts': 'export async function echo() { return 1; }\n',
  };
  const registered = (root: string, dirs?: string[]) =>
    findServerModules(serverDirPaths(root, dirs)).map((file) => file.slice(root.length + 1));

  it('are the server modules of its server folders (default worker/), test folders inside them excepted, and no others', () => {
    const root = project(files);
    expect(registered(root)).toEqual(['worker/admin/users.server.ts', 'worker/todos.server.ts']);
    expect(registered(root, ['worker', 'server'])).toEqual(['server/billing.server.ts', 'worker/admin/users.server.ts', 'worker/todos.server.ts']);
    expect(registered(root, ['worker', 'test/fixtures'])).toEqual(['test/fixtures/echo.server.ts', 'worker/admin/users.server.ts', 'worker/todos.server.ts']);
  });

  it('fail the build when client code imports a server module from outside those folders, naming it and the option', async () => {
    const root = project({
      ...files,
      'index.html': shell,
      'client/main.ts': "import { sign } from '../src/cli/template/worker/guestbook.server.js';\n(window as any).fns = [sign];\n",
    });
    await expect(buildClient(root)).rejects.toThrow(
      "litflare: src/cli/template/worker/guestbook.server.ts is a server module (*.server.ts) outside the app's server folders " +
        '(worker/, test folders excepted), so its functions are not served. Move it into one of them, or add its folder to `serverDirs`',
    );
  });

  it('come from every folder the app names in serverDirs', async () => {
    const root = project({
      ...files,
      'index.html': shell,
      'client/main.ts': "import { charge } from '../server/billing.server.js';\n(window as any).fns = [charge];\n",
    });
    const js = await buildClient(root, ['worker', 'server']);
    expect(js).toContain(serverFnId(root, join(root, 'server/billing.server.ts'), 'charge'));
    await expect(buildClient(root)).rejects.toThrow(/server\/billing\.server\.ts is a server module \(\*\.server\.ts\) outside/);
  });
});
