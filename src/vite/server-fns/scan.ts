import { existsSync, readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** Matches a server module's file name. */
export const SERVER_MODULE = /\.server\.(?:[cm]?[jt]s|[jt]sx)$/;

/** The app's server folders unless it names its own. */
export const DEFAULT_SERVER_DIRS: readonly string[] = ['worker'];

/** Folders that never hold the app's own server modules. */
const NEVER = new Set(['node_modules', 'dist']);
/** Folders of tests and benchmarks: their server modules are fixtures, not part of the app. */
const TESTS = new Set(['test', 'tests', '__tests__', 'e2e', 'bench']);

/**
 * The app's server folders as absolute paths, each ending with the path
 * separator (so a prefix test never matches `worker-old/` for `worker/`).
 *
 * @example
 * ```ts
 * serverDirPaths('/app', ['worker']); // ['/app/worker/']
 * ```
 */
export function serverDirPaths(root: string, dirs: readonly string[] = DEFAULT_SERVER_DIRS): string[] {
  return dirs.map((dir) => resolve(root, dir) + sep);
}

/**
 * Every `*.server.ts` module in the app's server folders (`dirs`, absolute,
 * see {@link serverDirPaths}), as absolute paths in a stable order. Only
 * these are the app's server functions: a server module anywhere else (a
 * scaffold's template, a test fixture, a vendored example) never becomes an
 * endpoint. Inside the folders, `node_modules`, `dist`, dot-folders and test
 * and benchmark folders are skipped.
 *
 * @example
 * ```ts
 * findServerModules(serverDirPaths('/app', ['worker'])); // ['/app/worker/todos.server.ts', …]
 * ```
 */
export function findServerModules(dirs: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skip(entry.name)) walk(join(dir, entry.name));
      } else if (SERVER_MODULE.test(entry.name)) {
        found.add(join(dir, entry.name));
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return [...found].sort();
}

/**
 * Whether `file` is one of the server modules {@link findServerModules}
 * finds in `dirs`: the same rule, for one file.
 *
 * @example
 * ```ts
 * isAppServerModule('/app/worker/todos.server.ts', ['/app/worker/']); // true
 * isAppServerModule('/app/scripts/seed.server.ts', ['/app/worker/']); // false
 * ```
 */
export function isAppServerModule(file: string, dirs: readonly string[]): boolean {
  if (!SERVER_MODULE.test(file)) return false;
  return dirs.some((dir) => file.startsWith(dir) && !file.slice(dir.length).split(sep).slice(0, -1).some(skip));
}

function skip(name: string): boolean {
  return NEVER.has(name) || TESTS.has(name) || name.startsWith('.');
}
